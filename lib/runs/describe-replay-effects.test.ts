import { describe, expect, it } from "vitest";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { flowDefinitionSchema } from "@/lib/flows/schema";
import { describeReplayEffects } from "@/lib/runs/describe-replay-effects";

/** The demo flow with its call changed by `config`. */
function demoWith(config: Record<string, unknown>) {
  const demo = buildDemoFlowDefinition("https://crm.example.com/leads");
  return flowDefinitionSchema.parse({ ...demo, nodes: demo.nodes.map((node) => (node.kind === "http-request" ? { ...node, config: { ...node.config, ...config } } : node)) });
}

describe("describeReplayEffects", () => {
  it("lists a writing call protected by a key its target honours", () => {
    expect(describeReplayEffects(demoWith({}))).toEqual([{ nodeId: "send", label: "Create lead", method: "POST", idempotencyHonoured: true, protection: "idempotency-key" }]);
  });

  it("says a target that ignores keys is protected only by a lookup, or not at all", () => {
    const lookup = { method: "GET", url: "https://crm.example.com/leads?externalId={{orderId}}" };
    expect(describeReplayEffects(demoWith({ idempotencyHonoured: false, existingRecordLookup: lookup }))[0]?.protection).toBe("lookup");
    expect(describeReplayEffects(demoWith({ idempotencyHonoured: false }))[0]?.protection).toBe("none");
  });

  it("leaves reads out: repeating them changes nothing", () => {
    expect(describeReplayEffects(demoWith({ method: "GET", body: undefined }))).toEqual([]);
  });
});
