import { z } from "zod";
import { RunStatus } from "@/lib/generated/prisma/enums";
import { FAILURE_CLASSES } from "@/lib/runs/failure-class";

/** From the database enum, so a new state is filterable the moment it exists. */
export const RUN_STATUSES = Object.values(RunStatus);

export const listRunsQuerySchema = z.object({
  flowId: z.uuid().optional(),
  status: z.enum(RUN_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListRunsQuery = z.infer<typeof listRunsQuerySchema>;

/** Which published version a replay runs: the one the run was pinned to, or the flow's current one (R17: an explicit choice). */
export const REPLAY_VERSIONS = ["same", "latest"] as const;
export type ReplayVersion = (typeof REPLAY_VERSIONS)[number];

/** POST /api/v1/runs/:id/replay. */
export const replayRunBodySchema = z.object({ version: z.enum(REPLAY_VERSIONS) });

// A query string gives "failed,needs_review" or repeats the parameter; a JSON body gives an array.
const statusList = z.preprocess(
  (value) => (typeof value === "string" ? value.split(",").filter((part) => part.trim() !== "") : value),
  z.array(z.enum(RUN_STATUSES)).min(1).optional(),
);

/**
 * Which runs an operator means: the runs list's filters, and what a bulk
 * replay stores and matches. `connector` is a connector key as calls record
 * it (the step's named connector, else host or credential@host).
 */
export const runFilterSchema = z.object({
  flowId: z.uuid().optional(),
  status: statusList,
  failureClass: z.enum(FAILURE_CLASSES).optional(),
  connector: z.string().trim().min(1).max(300).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export type RunFilter = z.infer<typeof runFilterSchema>;

/** POST /api/v1/replays. */
export const startBulkReplayBodySchema = z.object({
  filter: runFilterSchema,
  version: z.enum(REPLAY_VERSIONS),
  /** Replay this many first, and the rest only when all of them succeeded. */
  canary: z.number().int().min(1).max(100).optional(),
  batchSize: z.number().int().min(1).max(500).default(50),
});
export type StartBulkReplayBody = z.infer<typeof startBulkReplayBodySchema>;

export const BULK_REPLAY_ACTIONS = ["pause", "resume", "cancel"] as const;
export type BulkReplayAction = (typeof BULK_REPLAY_ACTIONS)[number];
