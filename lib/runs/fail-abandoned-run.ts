import { transitionRun } from "@/lib/runs/run-transitions";

/**
 * A run whose job exhausted its retries (dead letter) must not stay
 * "running" forever: it becomes a visible failure that can be retried (R16).
 */
export async function failAbandonedRun(runId: string): Promise<void> {
  await transitionRun({
    runId,
    to: "failed",
    data: { finishedAt: new Date(), error: { class: "temporary", code: "job_exhausted", message: "The worker could not complete this run after repeated attempts" } },
  });
}
