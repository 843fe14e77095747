import { getBoss } from "@/lib/queue/boss";
import { transitionRun } from "@/lib/runs/run-transitions";

/** Job states in which a run.execute job will still execute the run. */
const LIVE_JOB_STATES = new Set(["created", "retry", "active"]);

export type FailAbandonedRunResult = "failed" | "superseded";

/**
 * A run whose job exhausted its retries (dead letter) must not stay
 * "running" forever: it becomes a visible failure that can be retried (R16).
 * Unless another job of the run is still live: run.execute is stately per
 * run, so when a worker dies after scheduling the run's next job but before
 * completing its own, pg-boss cannot put its job back in `retry` beside the
 * queued one and dead-letters it at once. The queued job carries the run on;
 * failing the run here would throw that away.
 */
export async function failAbandonedRun(runId: string): Promise<FailAbandonedRunResult> {
  const boss = await getBoss();
  const jobs = await boss.findJobs("run.execute", { key: runId });
  if (jobs.some((job) => LIVE_JOB_STATES.has(job.state))) return "superseded";
  await transitionRun({
    runId,
    to: "failed",
    data: { finishedAt: new Date(), error: { class: "temporary", code: "job_exhausted", message: "The worker could not complete this run after repeated attempts" } },
  });
  return "failed";
}
