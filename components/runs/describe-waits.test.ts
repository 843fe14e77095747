import { describe, expect, it } from "vitest";
import { describeWaits } from "@/components/runs/describe-waits";

const at = "2026-01-01T00:00:00.000Z";

describe("describeWaits", () => {
  it("sums the waits before an attempt and lists each reason with its count and time, longest first", () => {
    const summary = {
      connector_limit: { count: 2, totalMs: 9_000, firstAt: at, lastAt: at },
      breaker_open: { count: 4, totalMs: 32_000, firstAt: at, lastAt: at },
    };
    expect(describeWaits(summary, "before-attempt")).toBe("Waited 41.0 s before this attempt: breaker open ×4 (32.0 s), connector limit ×2 (9.0 s).");
  });

  it("speaks of the waits so far for a step that still waits or ended waiting", () => {
    expect(describeWaits({ retry_after: { count: 1, totalMs: 120_000, firstAt: at, lastAt: at } }, "so-far")).toBe("Waited 2m 00s so far: the target's Retry-After ×1 (2m 00s).");
  });

  it("says nothing when the step never waited", () => {
    expect(describeWaits(null, "before-attempt")).toBeNull();
    expect(describeWaits({}, "so-far")).toBeNull();
  });
});
