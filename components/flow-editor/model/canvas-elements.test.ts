import { describe, expect, it } from "vitest";
import { applyCanvasChanges } from "@/components/flow-editor/model/apply-canvas-changes";
import { compareGraphs } from "@/components/flow-editor/model/compare-graphs";
import { groupProblems } from "@/components/flow-editor/model/group-problems";
import { toCanvasEdges, toCanvasNodes } from "@/components/flow-editor/model/to-canvas-elements";
import type { DraftGraph } from "@/components/flow-editor/model/types";

const graph: DraftGraph = {
  nodes: [
    { id: "hook", kind: "webhook-trigger", position: { x: 0, y: 0 }, config: {} },
    { id: "check", kind: "filter", position: { x: 300, y: 0 }, config: { condition: "true" } },
    { id: "send", kind: "http-request", position: { x: 600, y: 0 }, config: {} },
  ],
  edges: [
    { id: "hook:out->check", source: "hook", target: "check", sourceHandle: "out" },
    { id: "check:true->send", source: "check", target: "send", sourceHandle: "true" },
  ],
};
const view = { selectedNodeIds: ["check"], selectedEdgeIds: [], measured: {} };

describe("canvas elements", () => {
  it("converts nodes with their kind as type, and reuses unchanged ones", () => {
    const first = toCanvasNodes(graph, view);
    expect(first.map((node) => [node.id, node.type, node.selected])).toEqual([
      ["hook", "webhook-trigger", false],
      ["check", "filter", true],
      ["send", "http-request", false],
    ]);
    const moved = { ...graph, nodes: graph.nodes.map((node) => (node.id === "send" ? { ...node, position: { x: 1, y: 1 } } : node)) };
    const second = toCanvasNodes(moved, view);
    expect(second[0]).toBe(first[0]);
    expect(second[2]).not.toBe(first[2]);
  });

  it("labels branch edges with their branch", () => {
    expect(toCanvasEdges(graph, { selectedEdgeIds: [] }).map((edge) => edge.label)).toEqual([undefined, "true"]);
  });

  it("folds moves, selection and sizes into the state, and ignores moves when read-only", () => {
    const state = { graph, selectedNodeIds: [], measured: {} };
    const result = applyCanvasChanges(
      state,
      [
        { type: "position", id: "send", position: { x: 650, y: 20 }, dragging: true },
        { type: "select", id: "send", selected: true },
        { type: "dimensions", id: "send", dimensions: { width: 240, height: 90 } },
      ],
      true,
    );
    expect(result).toMatchObject({ moved: true, dragging: true, selectedOne: true, selectedNodeIds: ["send"], measured: { send: { width: 240, height: 90 } } });
    expect(result.graph.nodes[2]?.position).toEqual({ x: 650, y: 20 });
    expect(result.graph.nodes[0]).toBe(graph.nodes[0]);
    const readOnly = applyCanvasChanges(state, [{ type: "position", id: "send", position: { x: 1, y: 1 }, dragging: true }], false);
    expect(readOnly.graph).toBe(graph);
  });

  it("shows removed nodes as ghosts of the older version and marks every change", () => {
    const after: DraftGraph = { nodes: [graph.nodes[0]!, { ...graph.nodes[1]!, config: { condition: "false" } }, { id: "new", kind: "dedup", position: { x: 0, y: 200 }, config: {} }], edges: [graph.edges[0]!] };
    const diff = { nodes: { added: ["new"], removed: ["send"], changed: [{ nodeId: "check", fields: ["config.condition"] }] }, edges: { added: [], removed: ["check:true->send"] } };
    const compared = compareGraphs(graph, after, diff);
    expect(compared.graph.nodes.map((node) => node.id)).toEqual(["hook", "check", "new", "send"]);
    expect(compared.graph.edges.map((edge) => edge.id)).toEqual(["hook:out->check", "check:true->send"]);
    expect(compared.marks).toEqual({ new: "added", check: "changed", send: "removed" });
    expect(compared.ghostIds).toEqual(["send"]);
  });

  it("groups problems by node and keeps unchanged message lists", () => {
    const first = groupProblems([{ nodeId: "a", message: "x" }, { message: "no trigger" }, { nodeId: "a", message: "y" }, { nodeId: "b", message: "z" }]);
    expect(first).toEqual({ a: ["x", "y"], b: ["z"] });
    const second = groupProblems([{ nodeId: "a", message: "x" }, { nodeId: "a", message: "y" }, { nodeId: "b", message: "w" }], first);
    expect(second.a).toBe(first.a);
    expect(second.b).toEqual(["w"]);
  });
});
