import { describe, expect, it } from "vitest";
import { decideDedupClaim } from "@/lib/dedup/decide-dedup-claim";

const now = new Date("2026-11-24T10:00:00Z");
const later = new Date("2026-11-24T11:00:00Z");
const earlier = new Date("2026-11-24T09:00:00Z");

describe("decideDedupClaim", () => {
  it("lets the holder keep its own claim (a resumed or retried run)", () => {
    expect(decideDedupClaim({ claim: { runId: "a", expiresAt: later, holderStatus: "waiting_retry" }, runId: "a", now })).toEqual({ kind: "own" });
  });

  it("makes a run a duplicate of a live claim's holder, whether it finished or is still under way", () => {
    for (const holderStatus of ["succeeded", "running", "waiting_retry", "queued", "needs_review", "cancelled"] as const) {
      expect(decideDedupClaim({ claim: { runId: "a", expiresAt: later, holderStatus }, runId: "b", now }), holderStatus).toEqual({ kind: "duplicate", ofRunId: "a" });
    }
  });

  it("takes over a claim whose window has passed", () => {
    expect(decideDedupClaim({ claim: { runId: "a", expiresAt: earlier, holderStatus: "succeeded" }, runId: "b", now })).toEqual({ kind: "take-over" });
    expect(decideDedupClaim({ claim: { runId: "a", expiresAt: now, holderStatus: "succeeded" }, runId: "b", now })).toEqual({ kind: "take-over" });
  });

  it("takes over a claim whose run failed permanently, even inside the window", () => {
    expect(decideDedupClaim({ claim: { runId: "a", expiresAt: later, holderStatus: "failed" }, runId: "b", now })).toEqual({ kind: "take-over" });
  });
});
