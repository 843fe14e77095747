import { describe, expect, it } from "vitest";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { validateGraph, type GraphProblem } from "@/lib/flows/validate-graph";

type RawNode = { id: string; kind: string; config?: unknown };
type RawEdge = { id: string; source: string; target: string; sourceHandle?: string | null };

const CONFIGS: Record<string, unknown> = {
  "webhook-trigger": {},
  "manual-trigger": {},
  "schedule-trigger": { cron: "0 * * * *" },
  "map-fields": { mappings: [{ target: "a", source: "b" }] },
  filter: { condition: "amount > 10" },
  dedup: { key: "id" },
  lookup: { url: "https://crm.example/{{id}}" },
  "http-request": { url: "https://crm.example/leads" },
};

function graph(nodes: RawNode[], edges: RawEdge[]) {
  return {
    schemaVersion: 1,
    nodes: nodes.map((node, index) => ({ position: { x: index * 100, y: 0 }, config: CONFIGS[node.kind], ...node })),
    edges,
  };
}

const edge = (source: string, target: string, sourceHandle?: string | null): RawEdge => ({ id: `${source}->${target}`, source, target, sourceHandle });

/** trigger → map → filter ─true→ send */
function linear() {
  return graph(
    [
      { id: "hook", kind: "webhook-trigger" },
      { id: "map", kind: "map-fields" },
      { id: "check", kind: "filter" },
      { id: "send", kind: "http-request" },
    ],
    [edge("hook", "map"), edge("map", "check"), edge("check", "send", "true")],
  );
}

function problemsOf(definition: unknown, options?: Parameters<typeof validateGraph>[1]): GraphProblem[] {
  const result = validateGraph(definition, options);
  if (result.ok) throw new Error("expected problems, got a valid graph");
  return result.problems;
}

describe("validateGraph", () => {
  it("accepts a valid graph and returns it with defaults filled", () => {
    const result = validateGraph(linear());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const send = result.definition.nodes.find((node) => node.id === "send");
    expect(send?.kind === "http-request" && send.config.retry.maxAttempts).toBe(5);
    expect(result.problems).toEqual([]);
  });

  it("reports a cron the queue's parser refuses although its shape looks right, and accepts ranges and steps", () => {
    const scheduled = (cron: string) => ({
      schemaVersion: 1,
      nodes: [{ id: "tick", kind: "schedule-trigger", position: { x: 0, y: 0 }, config: { cron, timezone: "Asia/Almaty" } }],
      edges: [],
    });
    expect(problemsOf(scheduled("61 * * * *"))).toEqual([expect.objectContaining({ nodeId: "tick", path: "config.cron", message: expect.stringContaining('cron "61 * * * *" is not a valid schedule') })]);
    expect(problemsOf(scheduled("0 9 * 13 *"))).toHaveLength(1);
    expect(validateGraph(scheduled("*/15 9-18 * * MON-FRI"))).toMatchObject({ ok: true });
  });

  it("accepts the demo flow", () => {
    expect(validateGraph(buildDemoFlowDefinition("http://127.0.0.1:4010/leads"))).toMatchObject({ ok: true, problems: [] });
  });

  it("rejects a flow without a trigger", () => {
    const problems = problemsOf(graph([{ id: "map", kind: "map-fields" }], []));
    expect(problems).toContainEqual({ message: "The flow needs a trigger: add a webhook, schedule or manual trigger" });
  });

  it("rejects a second trigger and names it", () => {
    const problems = problemsOf(graph([{ id: "hook", kind: "webhook-trigger" }, { id: "manual", kind: "manual-trigger" }], []));
    expect(problems).toEqual([{ nodeId: "manual", message: 'A flow has exactly one trigger; remove "manual" or the other trigger' }]);
  });

  it("rejects duplicate node and edge ids", () => {
    const definition = graph(
      [
        { id: "hook", kind: "webhook-trigger" },
        { id: "map", kind: "map-fields" },
        { id: "map", kind: "map-fields" },
      ],
      [edge("hook", "map"), edge("hook", "map")],
    );
    const problems = problemsOf(definition);
    expect(problems).toContainEqual({ nodeId: "map", message: 'Node id "map" is used by more than one node' });
    expect(problems).toContainEqual({ edgeId: "hook->map", message: 'Edge id "hook->map" is used by more than one edge' });
  });

  it("rejects edges that point at missing nodes", () => {
    const problems = problemsOf(graph([{ id: "hook", kind: "webhook-trigger" }], [edge("hook", "ghost"), edge("nowhere", "hook")]));
    expect(problems).toContainEqual({ edgeId: "hook->ghost", message: 'Edge "hook->ghost" ends at "ghost", which does not exist' });
    expect(problems).toContainEqual({ edgeId: "nowhere->hook", message: 'Edge "nowhere->hook" starts at "nowhere", which does not exist' });
  });

  it("rejects a handle the source kind does not have, and a missing handle on a branching kind", () => {
    const definition = graph(
      [
        { id: "hook", kind: "webhook-trigger" },
        { id: "check", kind: "filter" },
        { id: "a", kind: "http-request" },
        { id: "b", kind: "http-request" },
      ],
      [edge("hook", "check", "yes"), edge("check", "a", "maybe"), edge("check", "b", null)],
    );
    const problems = problemsOf(definition);
    expect(problems).toContainEqual({
      edgeId: "hook->check",
      nodeId: "hook",
      message: 'Edge "hook->check" leaves "hook" from output "yes", but Webhook has outputs: out',
    });
    expect(problems).toContainEqual({
      edgeId: "check->a",
      nodeId: "check",
      message: 'Edge "check->a" leaves "check" from output "maybe", but Filter has outputs: true, false',
    });
    expect(problems).toContainEqual({
      edgeId: "check->b",
      nodeId: "check",
      message: 'Edge "check->b" leaves "check" without choosing an output; Filter has outputs: true, false',
    });
  });

  it("reads no handle on a dedup as its main output, and accepts its duplicate output", () => {
    const definition = graph(
      [
        { id: "hook", kind: "webhook-trigger" },
        { id: "once", kind: "dedup", config: { keyFields: ["email"], onDuplicate: "update" } },
        { id: "create", kind: "http-request" },
        { id: "update", kind: "http-request" },
      ],
      [edge("hook", "once"), edge("once", "create", null), edge("once", "update", "duplicate")],
    );
    expect(validateGraph(definition)).toMatchObject({ ok: true });
  });

  it("accepts \"out\" or no handle on single-output kinds", () => {
    const definition = graph(
      [
        { id: "hook", kind: "webhook-trigger" },
        { id: "map", kind: "map-fields" },
        { id: "send", kind: "http-request" },
      ],
      [edge("hook", "map", "out"), edge("map", "send", null)],
    );
    expect(validateGraph(definition).ok).toBe(true);
  });

  it("rejects edges into the trigger", () => {
    const definition = graph([{ id: "hook", kind: "webhook-trigger" }, { id: "map", kind: "map-fields" }], [edge("hook", "map"), edge("map", "hook")]);
    const problems = problemsOf(definition);
    expect(problems.map((p) => p.message)).toContain('Edge "map->hook" leads into the trigger "hook"; triggers cannot have incoming edges');
  });

  it("rejects a cycle and names the loop", () => {
    const definition = graph(
      [
        { id: "hook", kind: "webhook-trigger" },
        { id: "a", kind: "map-fields" },
        { id: "b", kind: "map-fields" },
        { id: "c", kind: "map-fields" },
      ],
      [edge("hook", "a"), edge("b", "c"), edge("c", "b")],
    );
    const problems = problemsOf(definition);
    expect(problems).toContainEqual({ edgeId: "c->b", nodeId: "b", message: 'Edge "c->b" closes a loop: b → c → b' });
    // Nodes on the loop are reported as a loop, not again as unreachable.
    expect(problems.filter((p) => p.message.includes("not connected"))).toEqual([]);
  });

  it("rejects a self-loop", () => {
    const definition = graph([{ id: "hook", kind: "webhook-trigger" }, { id: "a", kind: "map-fields" }], [edge("hook", "a"), edge("a", "a")]);
    expect(problemsOf(definition).map((p) => p.message)).toContain('Edge "a->a" closes a loop: a → a');
  });

  it("rejects a node that the trigger cannot reach", () => {
    const definition = graph([{ id: "hook", kind: "webhook-trigger" }, { id: "orphan", kind: "http-request" }], []);
    expect(problemsOf(definition)).toEqual([{ nodeId: "orphan", message: '"orphan" is not connected to the trigger, so it would never run' }]);
  });

  it("rejects two incoming edges on one node (branches cannot merge in schemaVersion 1)", () => {
    const definition = graph(
      [
        { id: "hook", kind: "webhook-trigger" },
        { id: "check", kind: "filter" },
        { id: "send", kind: "http-request" },
      ],
      [edge("hook", "check"), edge("check", "send", "true"), { ...edge("check", "send", "false"), id: "check-false" }],
    );
    expect(problemsOf(definition)).toEqual([
      { nodeId: "send", message: '"send" has 2 incoming edges; a node can have only one (branches cannot merge yet)' },
    ]);
  });

  it("reports JSONata syntax errors with node id and field path", () => {
    const definition = graph(
      [
        { id: "hook", kind: "webhook-trigger" },
        { id: "map", kind: "map-fields", config: { mappings: [{ target: "ok", source: "x" }, { target: "bad", expression: "amount +" }] } },
        { id: "check", kind: "filter", config: { condition: "status = 'paid'" } },
        { id: "check2", kind: "filter", config: { condition: "(((" } },
      ],
      [edge("hook", "map"), edge("map", "check"), edge("check", "check2", "true")],
    );
    const problems = problemsOf(definition);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ nodeId: "map", path: "config.mappings.1.expression" });
    expect(problems[0]?.message).toMatch(/^Node "map": config\.mappings\.1\.expression is not a valid JSONata expression: .+/);
    expect(problems[1]).toMatchObject({ nodeId: "check2", path: "config.condition" });
  });

  it("publishes dedup and lookup nodes, which now have executors", () => {
    const definition = graph(
      [
        { id: "hook", kind: "webhook-trigger" },
        { id: "once", kind: "dedup" },
        { id: "find", kind: "lookup" },
      ],
      [edge("hook", "once"), edge("once", "find")],
    );
    expect(validateGraph(definition)).toMatchObject({ ok: true, problems: [] });
  });

  it("maps config errors to the node id and a config path", () => {
    const definition = graph(
      [
        { id: "hook", kind: "webhook-trigger" },
        { id: "send", kind: "http-request", config: { timeoutMs: 15000 } },
      ],
      [edge("hook", "send")],
    );
    expect(problemsOf(definition)).toEqual([{ nodeId: "send", path: "config.url", message: 'Node "send": config.url is required' }]);
  });

  it("still reports graph problems while a node's config is invalid", () => {
    const definition = graph(
      [
        { id: "hook", kind: "webhook-trigger" },
        { id: "send", kind: "http-request", config: {} },
        { id: "orphan", kind: "map-fields" },
      ],
      [edge("hook", "send")],
    );
    const problems = problemsOf(definition);
    expect(problems.map((p) => p.nodeId)).toEqual(["send", "orphan"]);
  });

  it("describes garbage input instead of throwing", () => {
    expect(problemsOf(null)[0]?.message).toMatch(/expected object/);
    expect(problemsOf({ schemaVersion: 1 })).toEqual([{ path: "nodes", message: "nodes is required" }]);
    const noId = problemsOf({ schemaVersion: 1, nodes: [{ kind: "manual-trigger", position: { x: 0, y: 0 }, config: {} }], edges: [] });
    expect(noId).toEqual([{ path: "nodes.0.id", message: "Node #1: id is required" }]);
  });
});
