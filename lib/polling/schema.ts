import { z } from "zod";

/**
 * PUT /api/v1/flows/:id/poll-cursor: where the next poll starts. A page
 * token or an updated-since value as the source takes it; null starts again
 * from the trigger's configured cursor.
 */
export const pollCursorSchema = z.object({
  cursor: z.union([z.string().trim().min(1, "cursor must not be empty; send null to start from the trigger's cursor").max(2000), z.number().finite(), z.null()], {
    error: "cursor must be a string, a number or null",
  }),
});
export type PollCursorInput = z.infer<typeof pollCursorSchema>;
