import { describe, expect, it } from "vitest";
import { addNode, uniqueNodeId } from "@/components/flow-editor/model/add-node";
import { connectNodes } from "@/components/flow-editor/model/connect-nodes";
import { copySelection } from "@/components/flow-editor/model/copy-selection";
import { deleteElements } from "@/components/flow-editor/model/delete-elements";
import { pasteNodes } from "@/components/flow-editor/model/paste-nodes";
import type { DraftGraph } from "@/components/flow-editor/model/types";
import { NODE_DEFINITIONS } from "@/lib/nodes/registry";

const EMPTY: DraftGraph = { nodes: [], edges: [] };
const at = (x: number, y = 0) => ({ x, y });

/** webhook-trigger → map-fields → filter, built the way the canvas does it. */
function threeNodes(): DraftGraph {
  let graph = addNode(EMPTY, "webhook-trigger", at(0)).graph;
  graph = addNode(graph, "map-fields", at(300)).graph;
  graph = addNode(graph, "filter", at(600)).graph;
  graph = expectConnected(graph, { source: "webhook-trigger", target: "map-fields", sourceHandle: "out" });
  return expectConnected(graph, { source: "map-fields", target: "filter", sourceHandle: "out" });
}

function expectConnected(graph: DraftGraph, request: Parameters<typeof connectNodes>[1]): DraftGraph {
  const result = connectNodes(graph, request);
  if (!result.ok) throw new Error(`expected a connection: ${result.reason}`);
  return result.graph;
}

describe("addNode", () => {
  it("names a node after its kind, numbering the second one, with the registry's starter config", () => {
    const first = addNode(EMPTY, "http-request", at(10, 20));
    const second = addNode(first.graph, "http-request", at(0));
    expect(first.node).toMatchObject({ id: "http-request", kind: "http-request", position: { x: 10, y: 20 } });
    expect(first.node.config).toEqual(NODE_DEFINITIONS["http-request"].defaultConfig());
    expect(second.node.id).toBe("http-request-2");
    expect(second.graph.nodes).toHaveLength(2);
  });

  it("renumbers a copied numbered id instead of stacking suffixes", () => {
    const graph = { nodes: [{ id: "map-fields", kind: "map-fields" as const, position: at(0), config: {} }, { id: "map-fields-2", kind: "map-fields" as const, position: at(0), config: {} }], edges: [] };
    expect(uniqueNodeId(graph, "map-fields-2")).toBe("map-fields-3");
    expect(uniqueNodeId(graph, "map-fields-2", new Set(["map-fields-3"]))).toBe("map-fields-4");
  });
});

describe("connectNodes", () => {
  it("connects through a named branch handle and rejects the same connection twice", () => {
    let graph = threeNodes();
    graph = addNode(graph, "http-request", at(900)).graph;
    const connected = connectNodes(graph, { source: "filter", target: "http-request", sourceHandle: "true" });
    expect(connected.ok && connected.edge).toMatchObject({ source: "filter", target: "http-request", sourceHandle: "true" });
    const again = connectNodes(connected.ok ? connected.graph : graph, { source: "filter", target: "http-request", sourceHandle: "true" });
    expect(again).toEqual({ ok: false, reason: "These nodes are already connected through that output" });
    // The other branch to the same target is a different connection.
    expect(connectNodes(connected.ok ? connected.graph : graph, { source: "filter", target: "http-request", sourceHandle: "false" }).ok).toBe(true);
  });

  it("refuses self loops, edges into a trigger and outputs the kind does not have", () => {
    const graph = threeNodes();
    expect(connectNodes(graph, { source: "map-fields", target: "map-fields" })).toEqual({ ok: false, reason: "A node cannot connect to itself" });
    expect(connectNodes(graph, { source: "filter", target: "webhook-trigger", sourceHandle: "true" })).toMatchObject({ ok: false, reason: expect.stringContaining("trigger") });
    expect(connectNodes(graph, { source: "filter", target: "map-fields", sourceHandle: "maybe" })).toEqual({ ok: false, reason: 'Filter has no output "maybe"' });
    expect(connectNodes(graph, { source: "ghost", target: "map-fields" }).ok).toBe(false);
  });

  it("takes a single-output node's only handle when none is given", () => {
    const graph = addNode(addNode(EMPTY, "manual-trigger", at(0)).graph, "dedup", at(200)).graph;
    const result = connectNodes(graph, { source: "manual-trigger", target: "dedup", sourceHandle: null });
    expect(result.ok && result.edge).toEqual({ id: "manual-trigger:out->dedup", source: "manual-trigger", target: "dedup", sourceHandle: "out" });
  });
});

describe("deleteElements", () => {
  it("removes nodes with every edge touching them, and single edges", () => {
    const graph = threeNodes();
    const withoutMap = deleteElements(graph, { nodeIds: ["map-fields"] });
    expect(withoutMap.nodes.map((node) => node.id)).toEqual(["webhook-trigger", "filter"]);
    expect(withoutMap.edges).toEqual([]);
    const withoutEdge = deleteElements(graph, { edgeIds: ["map-fields:out->filter"] });
    expect(withoutEdge.nodes).toHaveLength(3);
    expect(withoutEdge.edges.map((edge) => edge.id)).toEqual(["webhook-trigger:out->map-fields"]);
  });

  it("returns the same graph when nothing matched, so no empty undo step is recorded", () => {
    const graph = threeNodes();
    expect(deleteElements(graph, { nodeIds: ["nope"], edgeIds: ["nope"] })).toBe(graph);
  });
});

describe("copy and paste", () => {
  it("pastes copies with fresh ids, offset positions and their inner edges rewired", () => {
    const graph = threeNodes();
    const clipboard = copySelection(graph, ["map-fields", "filter"]);
    expect(clipboard?.edges.map((edge) => edge.id)).toEqual(["map-fields:out->filter"]);
    const { graph: pasted, nodeIds } = pasteNodes(graph, clipboard!, at(40, 40));
    expect(nodeIds).toEqual(["map-fields-2", "filter-2"]);
    expect(pasted.nodes.find((node) => node.id === "filter-2")?.position).toEqual({ x: 640, y: 40 });
    expect(pasted.edges.at(-1)).toMatchObject({ id: "map-fields-2:out->filter-2", source: "map-fields-2", target: "filter-2" });
    // The edge from the trigger into the copied map-fields stayed behind.
    expect(pasted.edges).toHaveLength(3);
  });

  it("copies deeply: editing the original after copying does not change the paste", () => {
    const graph = threeNodes();
    const clipboard = copySelection(graph, ["filter"])!;
    (graph.nodes[2]!.config as { condition: string }).condition = "changed";
    const { graph: pasted } = pasteNodes(graph, clipboard, at(0));
    expect(pasted.nodes.at(-1)?.config).toEqual({ condition: "true" });
    expect(copySelection(graph, [])).toBeNull();
  });
});
