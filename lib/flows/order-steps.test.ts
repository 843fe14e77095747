import { describe, expect, it } from "vitest";
import { orderSteps } from "@/lib/flows/order-steps";
import { flowDefinitionSchema, type FlowDefinition } from "@/lib/flows/schema";

type Edge = [source: string, target: string, handle?: string];

function definition(nodes: [id: string, kind: "manual-trigger" | "map-fields" | "filter"][], edges: Edge[]): FlowDefinition {
  const config = { "manual-trigger": {}, "map-fields": {}, filter: { condition: "true" } };
  return flowDefinitionSchema.parse({
    schemaVersion: 1,
    nodes: nodes.map(([id, kind]) => ({ id, kind, position: { x: 0, y: 0 }, config: config[kind] })),
    edges: edges.map(([source, target, sourceHandle]) => ({ id: `${source}-${target}`, source, target, sourceHandle })),
  });
}

const ids = (def: FlowDefinition) => orderSteps(def).map((node) => node.id);

describe("orderSteps", () => {
  it("starts at the trigger and follows the chain, whatever the array order", () => {
    const def = definition(
      [
        ["c", "map-fields"],
        ["b", "map-fields"],
        ["start", "manual-trigger"],
      ],
      [
        ["b", "c"],
        ["start", "b"],
      ],
    );
    expect(ids(def)).toEqual(["start", "b", "c"]);
  });

  it("lists a filter's true branch before its false branch, each branch kept together", () => {
    const def = definition(
      [
        ["start", "manual-trigger"],
        ["check", "filter"],
        ["no", "map-fields"],
        ["no2", "map-fields"],
        ["yes", "map-fields"],
        ["yes2", "map-fields"],
      ],
      [
        ["start", "check"],
        ["check", "no", "false"],
        ["no", "no2"],
        ["check", "yes", "true"],
        ["yes", "yes2"],
      ],
    );
    expect(ids(def)).toEqual(["start", "check", "yes", "yes2", "no", "no2"]);
  });

  it("orders siblings on the same output by node id", () => {
    const def = definition(
      [
        ["start", "manual-trigger"],
        ["zeta", "map-fields"],
        ["alpha", "map-fields"],
      ],
      [
        ["start", "zeta"],
        ["start", "alpha"],
      ],
    );
    expect(ids(def)).toEqual(["start", "alpha", "zeta"]);
  });

  it("puts a node after all its parents when branches merge", () => {
    const def = definition(
      [
        ["start", "manual-trigger"],
        ["a", "map-fields"],
        ["b", "map-fields"],
        ["join", "map-fields"],
      ],
      [
        ["start", "a"],
        ["start", "b"],
        ["a", "join"],
        ["b", "join"],
      ],
    );
    expect(ids(def)).toEqual(["start", "a", "b", "join"]);
  });

  it("leaves out nodes the trigger cannot reach, and returns nothing without a trigger", () => {
    const def = definition(
      [
        ["start", "manual-trigger"],
        ["orphan", "map-fields"],
      ],
      [],
    );
    expect(ids(def)).toEqual(["start"]);
    expect(ids(definition([["m", "map-fields"]], []))).toEqual([]);
  });
});
