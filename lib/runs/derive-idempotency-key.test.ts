import { describe, expect, it } from "vitest";
import { deriveIdempotencyKey, pickBusinessKey } from "@/lib/runs/derive-idempotency-key";

const parts = { flowId: "f1", nodeId: "create-lead", businessKey: "order-1" };

describe("deriveIdempotencyKey", () => {
  it("is stable for the same flow, step and business key", () => {
    expect(deriveIdempotencyKey(parts)).toBe(deriveIdempotencyKey({ ...parts }));
    expect(deriveIdempotencyKey(parts)).toMatch(/^fg_[0-9a-f]{40}$/);
  });

  it("differs when any part differs", () => {
    const base = deriveIdempotencyKey(parts);
    expect(deriveIdempotencyKey({ ...parts, flowId: "f2" })).not.toBe(base);
    expect(deriveIdempotencyKey({ ...parts, nodeId: "other" })).not.toBe(base);
    expect(deriveIdempotencyKey({ ...parts, businessKey: "order-2" })).not.toBe(base);
  });

  it("cannot be forged by moving text between parts", () => {
    expect(deriveIdempotencyKey({ flowId: "a", nodeId: "b\nc", businessKey: "d" })).not.toBe(
      deriveIdempotencyKey({ flowId: "a\nb", nodeId: "c", businessKey: "d" }),
    );
  });
});

describe("pickBusinessKey", () => {
  it("prefers the business key, then the provider event id, then our event id", () => {
    expect(pickBusinessKey({ id: "e1", providerEventId: "p1", businessKey: "b1" })).toBe("b1");
    expect(pickBusinessKey({ id: "e1", providerEventId: "p1", businessKey: null })).toBe("event:p1");
    expect(pickBusinessKey({ id: "e1", providerEventId: null, businessKey: null })).toBe("internal:e1");
  });
});
