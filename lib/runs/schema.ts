import { z } from "zod";

export const RUN_STATUSES = ["queued", "running", "retrying", "succeeded", "failed", "cancelled"] as const;

export const listRunsQuerySchema = z.object({
  flowId: z.uuid().optional(),
  status: z.enum(RUN_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListRunsQuery = z.infer<typeof listRunsQuerySchema>;
