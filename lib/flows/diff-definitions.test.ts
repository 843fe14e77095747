import { describe, expect, it } from "vitest";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { diffDefinitions } from "@/lib/flows/diff-definitions";
import type { DraftDefinition } from "@/lib/flows/schema";

const demo = () => buildDemoFlowDefinition("https://crm.example/leads");
const EMPTY_EDGES = { added: [], removed: [] };

describe("diffDefinitions", () => {
  it("finds nothing between a definition and itself, or when only positions moved", () => {
    const before = demo();
    const moved = demo();
    for (const node of moved.nodes) node.position = { x: node.position.x + 50, y: 300 };
    expect(diffDefinitions(before, moved)).toEqual({ nodes: { added: [], removed: [], changed: [] }, edges: EMPTY_EDGES });
  });

  it("names the changed fields of a node as dotted paths", () => {
    const after = demo();
    const map = after.nodes.find((node) => node.id === "map")!;
    if (map.kind !== "map-fields") throw new Error("demo changed");
    map.config.mappings[1]!.source = "order.number";
    map.config.mappings.push({ target: "note", source: "comment", transform: [] });
    map.label = "Order → deal";
    const send = after.nodes.find((node) => node.id === "send")!;
    if (send.kind !== "http-request") throw new Error("demo changed");
    send.config.retry.maxAttempts = 3;
    send.config.headers = { "X-Tenant": "acme" };
    expect(diffDefinitions(demo(), after).nodes.changed).toEqual([
      { nodeId: "map", fields: ["config.mappings.1.source", "config.mappings.7", "label"] },
      { nodeId: "send", fields: ["config.headers.X-Tenant", "config.retry.maxAttempts"] },
    ]);
  });

  it("lists added and removed nodes and edges, and an edge whose ends changed in both", () => {
    const after = demo();
    after.nodes = after.nodes.filter((node) => node.id !== "send");
    after.nodes.push({ id: "check", kind: "filter", position: { x: 0, y: 0 }, config: { condition: "amount > 0" } });
    after.edges = [after.edges[0]!, { id: "map-send", source: "map", target: "check", sourceHandle: null }];
    expect(diffDefinitions(demo(), after)).toEqual({
      nodes: { added: ["check"], removed: ["send"], changed: [] },
      edges: { added: ["map-send"], removed: ["map-send"] },
    });
  });

  it("does not count defaults a draft leaves out, but does count a change of kind or an unfinished config", () => {
    const version = demo();
    const draft = structuredClone(version) as unknown as DraftDefinition;
    const send = draft.nodes.find((node) => node.id === "send")!;
    send.config = { url: "https://crm.example/leads", body: send.config.body ?? null };
    expect(diffDefinitions(version, draft).nodes.changed).toEqual([]);

    send.config = { url: "" };
    expect(diffDefinitions(version, draft).nodes.changed[0]?.fields).toContain("config.url");
    const map = draft.nodes.find((node) => node.id === "map")!;
    map.kind = "filter";
    expect(diffDefinitions(version, draft).nodes.changed.find((change) => change.nodeId === "map")?.fields).toContain("kind");
  });
});
