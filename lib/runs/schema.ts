import { z } from "zod";
import { RunStatus } from "@/lib/generated/prisma/enums";

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
  failureClass: z.string().min(1).max(40).optional(),
  connector: z.string().min(1).max(200).optional(),
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
