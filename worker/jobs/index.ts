import type { Job } from "pg-boss";
import type { JobName, JobPayload } from "@/lib/queue/jobs";
import { advanceRun } from "@/lib/runs/advance-run";
import { failAbandonedRun } from "@/lib/runs/fail-abandoned-run";

export type JobHandler<N extends JobName> = (payload: JobPayload<N>, job: Job<unknown>) => Promise<void>;

/** One handler per job in JOBS; a job without a handler is a type error. */
export const JOB_HANDLERS: { [N in JobName]: JobHandler<N> } = {
  "run.execute": async ({ runId }, job) => {
    await advanceRun({ runId, signal: job.signal });
  },
  "run.dead": async ({ runId }) => {
    await failAbandonedRun(runId);
  },
};
