import { describe, expect, it } from "vitest";
import { autoLayout } from "@/components/flow-editor/model/auto-layout";
import type { DraftGraph } from "@/components/flow-editor/model/types";

const node = (id: string) => ({ id, kind: "filter" as const, position: { x: 0, y: 0 }, config: {} });
const edge = (source: string, target: string) => ({ id: `${source}->${target}`, source, target });

describe("autoLayout", () => {
  it("places a chain left to right and branches apart, without overlaps", () => {
    const graph: DraftGraph = {
      nodes: [node("c"), node("a"), node("b"), node("d")],
      edges: [edge("a", "b"), edge("b", "c"), edge("b", "d"), edge("ghost", "a")],
    };
    const laid = autoLayout(graph, () => ({ width: 200, height: 80 }));
    const position = (id: string) => laid.nodes.find((n) => n.id === id)!.position;
    expect(position("a").x).toBeLessThan(position("b").x);
    expect(position("b").x).toBeLessThan(position("c").x);
    expect(position("c").x).toBe(position("d").x);
    expect(Math.abs(position("c").y - position("d").y)).toBeGreaterThanOrEqual(80);
    // Only positions change; the edges are untouched.
    expect(laid.edges).toBe(graph.edges);
  });

  it("keeps an empty graph as it is", () => {
    const empty: DraftGraph = { nodes: [], edges: [] };
    expect(autoLayout(empty)).toBe(empty);
  });
});
