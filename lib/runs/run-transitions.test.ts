import { describe, expect, it } from "vitest";
import { FINAL_RUN_STATUSES, RUN_TRANSITIONS, STEP_TRANSITIONS, canTransitionRun, canTransitionStep, isFinalRunStatus } from "@/lib/runs/run-transitions";

describe("run state machine", () => {
  it("treats only succeeded, failed, cancelled, skipped and needs-review as final", () => {
    expect([...FINAL_RUN_STATUSES].sort()).toEqual(["cancelled", "failed", "needs_review", "skipped_duplicate", "skipped_stale", "succeeded"]);
    expect(isFinalRunStatus("waiting_retry")).toBe(false);
  });

  it("can cancel a run in every non-final state, and in none of the terminal ones", () => {
    for (const from of ["queued", "running", "waiting_retry", "needs_review"] as const) expect(canTransitionRun(from, "cancelled")).toBe(true);
    for (const from of ["succeeded", "failed", "cancelled", "skipped_duplicate", "skipped_stale"] as const) expect(canTransitionRun(from, "cancelled")).toBe(false);
  });

  it("never leaves succeeded, cancelled or skipped, and only re-queues failed or reviewed runs", () => {
    for (const status of ["succeeded", "cancelled", "skipped_duplicate", "skipped_stale"] as const) expect(RUN_TRANSITIONS[status]).toEqual([]);
    expect(RUN_TRANSITIONS.failed).toEqual(["queued"]);
    expect(canTransitionRun("queued", "succeeded")).toBe(false);
    expect(canTransitionRun("waiting_retry", "succeeded")).toBe(false);
  });

  it("lets a step be retried after waiting and never re-run once it succeeded", () => {
    expect(canTransitionStep("waiting_retry", "running")).toBe(true);
    expect(STEP_TRANSITIONS.succeeded).toEqual([]);
    expect(canTransitionStep("cancelled", "running")).toBe(false);
  });
});
