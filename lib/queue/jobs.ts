import { z } from "zod";
import type { Queue } from "pg-boss";
import { env } from "@/lib/env.mjs";

/** A flow's housekeeping jobs (schedule sync, held-run release): one queued and one running per flow, retried patiently. */
const PER_FLOW_MAINTENANCE = {
  policy: "stately",
  retryLimit: 10,
  retryDelay: 5,
  retryBackoff: true,
  retryDelayMax: 300,
  notify: true,
  deleteAfterSeconds: 24 * 3600,
} as const;

/**
 * Every job is data: its payload schema and its queue options, shared by the
 * sender (intake, retry scheduling, pg-boss schedules) and the worker's registration loop.
 */
export const JOBS = {
  // Listed first: a queue's dead-letter queue must exist before the queue.
  "run.dead": {
    schema: z.object({ runId: z.uuid() }),
    queue: { policy: "standard", retentionSeconds: 30 * 24 * 3600 },
  },
  "run.execute": {
    schema: z.object({ runId: z.uuid() }),
    queue: {
      // One queued and one active job per run (singletonKey = run id), so a
      // rescheduled retry can never execute alongside the attempt that scheduled it.
      policy: "stately",
      // Job-level retries cover crashes and infrastructure errors only; a
      // step's own retry policy is applied by the executor, not here.
      retryLimit: 20,
      retryDelay: 5,
      retryBackoff: true,
      retryDelayMax: 300,
      expireInSeconds: 15 * 60,
      // A worker that dies stops sending heartbeats; its job is then retried
      // (R14) instead of waiting for the long expiry.
      heartbeatSeconds: env.WORKER_HEARTBEAT_SECONDS,
      deadLetter: "run.dead",
      notify: true,
      retentionSeconds: 14 * 24 * 3600,
      deleteAfterSeconds: 7 * 24 * 3600,
    },
  },
  "flow.sync-schedule": {
    schema: z.object({ flowId: z.uuid() }),
    queue: {
      // singletonKey = flow id: one sync queued and one running per flow.
      // Each reads the flow as it is when it runs, so a sync dropped because
      // one is already queued loses nothing, and two can never race to write
      // an older state over a newer one.
      ...PER_FLOW_MAINTENANCE,
      expireInSeconds: 60,
    },
  },
  "flow.release-held": {
    schema: z.object({ flowId: z.uuid() }),
    queue: {
      // singletonKey = flow id: one release queued and one running per flow.
      // Each pass drains whatever is held when it runs, so a release dropped
      // because one is already queued loses nothing.
      ...PER_FLOW_MAINTENANCE,
      expireInSeconds: 15 * 60,
    },
  },
  "flow.poll": {
    schema: z.object({ flowId: z.uuid() }),
    queue: {
      // singletonKey = flow id: at most one poll of a flow queued or running.
      // A tick that comes due while the previous poll still runs is dropped;
      // that poll already reads up to now, and the next tick continues from
      // the stored cursor. The PollState lease guards the same thing in the
      // database, should two jobs ever get through.
      policy: "exclusive",
      // The next tick is the usual retry (a source failure completes the job
      // and is kept in PollState.lastError); these cover a crashed worker or
      // an unreachable database.
      retryLimit: 2,
      retryDelay: 30,
      // A poll stops itself after POLL_BUDGET_MS (10 min); expiry is the backstop.
      expireInSeconds: 15 * 60,
      heartbeatSeconds: env.WORKER_HEARTBEAT_SECONDS,
      notify: true,
      deleteAfterSeconds: 24 * 3600,
    },
  },
  "replay.bulk": {
    schema: z.object({ bulkReplayId: z.uuid() }),
    queue: {
      // singletonKey = bulk replay id: each pass sends the next one, and a
      // resume sent while a pass is queued adds nothing, so one bulk replay
      // never has two passes creating runs at once.
      policy: "stately",
      retryLimit: 10,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 300,
      notify: true,
      deleteAfterSeconds: 7 * 24 * 3600,
    },
  },
  "intake.retention": {
    schema: z.object({}),
    queue: { policy: "exclusive", retryLimit: 3, retryDelay: 300, expireInSeconds: 3600, deleteAfterSeconds: 7 * 24 * 3600 },
  },
  "retention.purge": {
    schema: z.object({}),
    // Batched and idempotent: a purge cut short by expiry or a crash is simply run again.
    queue: { policy: "exclusive", retryLimit: 3, retryDelay: 300, expireInSeconds: 3 * 3600, deleteAfterSeconds: 7 * 24 * 3600 },
  },
  "alerts.evaluate": {
    schema: z.object({}),
    // exclusive: a pass still running when the next minute comes due absorbs
    // it; the rule row locks keep two passes from double-notifying anyway.
    queue: { policy: "exclusive", retryLimit: 0, expireInSeconds: 300, deleteAfterSeconds: 24 * 3600 },
  },
  "dashboard.rollup": {
    schema: z.object({}),
    // exclusive: a pass that overruns absorbs the next tick; each pass
    // recomputes whole minutes, so a skipped tick loses nothing.
    queue: { policy: "exclusive", retryLimit: 0, expireInSeconds: 300, deleteAfterSeconds: 24 * 3600 },
  },
  "dashboard.accounting": {
    schema: z.object({}),
    // exclusive: the R16 check reads every event, so at a million runs a pass
    // may outlast its minute; the next tick is absorbed instead of stacking.
    queue: { policy: "exclusive", retryLimit: 0, expireInSeconds: 600, deleteAfterSeconds: 24 * 3600 },
  },
} as const satisfies Record<string, { schema: z.ZodType; queue: Omit<Queue, "name"> }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]["schema"]>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];
