import { z } from "zod";
import { RunStatus } from "@/lib/generated/prisma/enums";

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
