import { z } from "zod";
import { BulkReplayState, RunStatus } from "@/lib/generated/prisma/enums";
import { FAILURE_CLASSES } from "@/lib/runs/failure-class";
import { DEFERRAL_REASONS } from "@/lib/runs/step-deferral";

/** From the database enum, so a new state is filterable the moment it exists. */
export const RUN_STATUSES = Object.values(RunStatus);

/**
 * Status filters arrive as `?status=a,b`, as repeated `?status=a&status=b`
 * or as a JSON array (bulk replay); all become one array.
 */
const statusListSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.split(",").filter(Boolean) : value),
  z.array(z.enum(RUN_STATUSES)).max(RUN_STATUSES.length),
);

/**
 * The runs a filter selects: shared by the runs list, its counts, metrics and
 * bulk replay, so "replay what I see" replays exactly the rows listed.
 */
export const runFilterSchema = z.object({
  flowId: z.uuid().optional(),
  version: z.coerce.number().int().min(1).optional(),
  status: statusListSchema.optional(),
  failureClass: z.enum(FAILURE_CLASSES).optional(),
  /** A connector key as calls record it (the step's named connector, else host or credential@host). */
  connector: z.string().trim().min(1).max(300).optional(),
  /** Only runs that stopped before any call (no connector): what an attention group without a connector holds. */
  withoutConnector: z.union([z.boolean(), z.stringbool({ error: "withoutConnector must be true or false" })]).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  /** Exact match on event id, provider event id, business key, trace id or idempotency key. */
  q: z.string().trim().min(1).max(500).optional(),
});
export type RunFilter = z.infer<typeof runFilterSchema>;

/** One page of the runs list: a filter plus an opaque keyset cursor (lib/runs/run-cursor.ts). */
export const listRunsQuerySchema = runFilterSchema.extend({
  cursor: z.string().min(1).max(200).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListRunsQuery = z.infer<typeof listRunsQuerySchema>;

/** Which published version a replay runs: the one the run was pinned to, or the flow's current one (R17: an explicit choice). */
export const REPLAY_VERSIONS = ["same", "latest"] as const;
export type ReplayVersion = (typeof REPLAY_VERSIONS)[number];

/** POST /api/v1/runs/:id/replay. */
export const replayRunBodySchema = z.object({ version: z.enum(REPLAY_VERSIONS) });

/**
 * The deferrals a step waited out, per reason (StepRun.pendingWaits,
 * StepAttempt.waitedBefore): one entry per reason however often it deferred,
 * so an open breaker deferring a step hundreds of times stays one small value.
 * totalMs counts from each deferral to the next deferral or attempt.
 */
export const waitTallySchema = z.object({
  count: z.number().int().min(1),
  totalMs: z.number().int().min(0),
  firstAt: z.iso.datetime(),
  lastAt: z.iso.datetime(),
});
export type WaitTally = z.infer<typeof waitTallySchema>;
export const waitSummarySchema = z.partialRecord(z.enum(DEFERRAL_REASONS), waitTallySchema);
export type WaitSummary = z.infer<typeof waitSummarySchema>;

/** POST /api/v1/replays. */
export const startBulkReplayBodySchema = z.object({
  filter: runFilterSchema,
  version: z.enum(REPLAY_VERSIONS),
  /** Replay this many first, and the rest only when all of them succeeded. */
  canary: z.number().int().min(1).max(100).optional(),
  batchSize: z.number().int().min(1).max(500).default(50),
});
export type StartBulkReplayBody = z.infer<typeof startBulkReplayBodySchema>;

/** GET /api/v1/replays: newest first; `state` narrows to some states (comma-separated or repeated). */
export const listBulkReplaysQuerySchema = z.object({
  state: z
    .preprocess((value) => (typeof value === "string" ? value.split(",").filter(Boolean) : value), z.array(z.enum(BulkReplayState, { error: `state must be one of ${Object.keys(BulkReplayState).join(", ")}` })))
    .optional(),
  limit: z.coerce.number({ error: "limit must be a number" }).int().min(1, "limit must be 1 to 100").max(100, "limit must be 1 to 100").default(20),
});
export type ListBulkReplaysQuery = z.infer<typeof listBulkReplaysQuerySchema>;

export const BULK_REPLAY_ACTIONS = ["pause", "resume", "cancel"] as const;
export type BulkReplayAction = (typeof BULK_REPLAY_ACTIONS)[number];

/** POST /api/v1/replays/:id/cancel may say `{cancelRuns: true}`: also cancel its runs not finished yet. */
export const bulkReplayActionBodySchema = z.object({ cancelRuns: z.boolean({ error: "cancelRuns must be true or false" }).optional() });
