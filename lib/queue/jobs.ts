import { z } from "zod";
import type { Queue } from "pg-boss";

/**
 * Every job is data: its payload schema and its queue options, shared by the
 * sender (intake, retry scheduling) and the worker's registration loop.
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
      heartbeatSeconds: 30,
      deadLetter: "run.dead",
      notify: true,
      retentionSeconds: 14 * 24 * 3600,
      deleteAfterSeconds: 7 * 24 * 3600,
    },
  },
} as const satisfies Record<string, { schema: z.ZodType; queue: Omit<Queue, "name"> }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]["schema"]>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];
