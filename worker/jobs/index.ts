import type { Job } from "pg-boss";
import { evaluateAlertRules } from "@/lib/alerts/evaluate-alert-rules";
import { rollUpMinuteBuckets } from "@/lib/dashboard/roll-up-minute-buckets";
import { env } from "@/lib/env.mjs";
import { pruneIntakeRecords } from "@/lib/intake/prune-intake-records";
import { createLogger } from "@/lib/log";
import { purgeExpiredRunData } from "@/lib/retention/purge-expired-run-data";
import { releaseHeldRuns } from "@/lib/flows/release-held-runs";
import { pollFlow } from "@/lib/polling/poll-flow";
import type { JobName, JobPayload } from "@/lib/queue/jobs";
import { advanceBulkReplay } from "@/lib/runs/advance-bulk-replay";
import { advanceRun } from "@/lib/runs/advance-run";
import { failAbandonedRun } from "@/lib/runs/fail-abandoned-run";
import { storeRunAccounting } from "@/lib/runs/store-run-accounting";
import { syncFlowSchedule } from "@/lib/triggers/sync-flow-schedule";

const log = createLogger("worker", env.LOG_LEVEL);

export type JobHandler<N extends JobName> = (payload: JobPayload<N>, job: Job<unknown>) => Promise<void>;

/** One handler per job in JOBS; a job without a handler is a type error. */
export const JOB_HANDLERS: { [N in JobName]: JobHandler<N> } = {
  "run.execute": async ({ runId }, job) => {
    await advanceRun({ runId, signal: job.signal });
  },
  "run.dead": async ({ runId }) => {
    const outcome = await failAbandonedRun(runId);
    if (outcome === "superseded") log.info({ runId }, "dead-lettered job superseded by the run's queued job; run left to it");
  },
  "flow.sync-schedule": async ({ flowId }) => {
    const result = await syncFlowSchedule(flowId);
    log.info({ flowId, result }, "flow schedule synced");
  },
  "flow.release-held": async ({ flowId }) => {
    const result = await releaseHeldRuns(flowId);
    log.info({ flowId, ...result }, "held runs released");
  },
  "flow.poll": async ({ flowId }, job) => {
    const outcome = await pollFlow({ flowId, tickId: job.id, signal: job.signal });
    log.info({ flowId, job: job.id, ...outcome }, "flow polled");
  },
  "replay.bulk": async ({ bulkReplayId }) => {
    const state = await advanceBulkReplay(bulkReplayId);
    log.info({ bulkReplayId, state }, "bulk replay advanced");
  },
  "alerts.evaluate": async () => {
    const outcomes = await evaluateAlertRules();
    const acted = outcomes.filter((outcome) => outcome.action !== null && outcome.action !== "skipped");
    if (acted.length > 0) log.info({ acted }, "alert rules acted");
  },
  "dashboard.rollup": async () => {
    const rolled = await rollUpMinuteBuckets();
    log.debug(rolled, "dashboard minute buckets rolled up");
  },
  "dashboard.accounting": async () => {
    const checked = await storeRunAccounting();
    log.debug(checked, "R16 accounting stored");
  },
  "intake.retention": async () => {
    const pruned = await pruneIntakeRecords();
    log.info(pruned, "intake records pruned");
  },
  "retention.purge": async () => {
    const purged = await purgeExpiredRunData();
    log.info(purged, "expired run data purged");
  },
};
