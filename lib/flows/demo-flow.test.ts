import { describe, expect, it } from "vitest";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { orderSteps } from "@/lib/flows/order-steps";
import { validateGraph } from "@/lib/flows/validate-graph";

describe("buildDemoFlowDefinition", () => {
  it("builds a publishable webhook → map-fields → http-request flow aimed at the target", () => {
    const definition = buildDemoFlowDefinition("http://127.0.0.1:4010/leads");
    expect(validateGraph(definition).ok).toBe(true);
    expect(orderSteps(definition).map((node) => node.kind)).toEqual(["webhook-trigger", "map-fields", "http-request"]);
    const [trigger, , send] = definition.nodes;
    expect(trigger?.kind === "webhook-trigger" && trigger.config).toMatchObject({ eventIdPath: "id", businessKeyPath: "order.id" });
    expect(send?.kind === "http-request" && send.config).toMatchObject({ method: "POST", url: "http://127.0.0.1:4010/leads", retry: { maxAttempts: 5 } });
  });

  it("refuses a target that is not an http(s) URL", () => {
    expect(() => buildDemoFlowDefinition("not a url")).toThrow();
  });
});
