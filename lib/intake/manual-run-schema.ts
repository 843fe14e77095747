import { z } from "zod";
import { jsonValueSchema } from "@/lib/flows/schema";

/** What starting a run by hand takes, from the API and from the flow page's form alike. */
export const manualRunSchema = z.object({
  payload: jsonValueSchema,
  /** A caller's own key: sending the same key again returns the first run instead of starting another. */
  idempotencyKey: z.string().trim().min(1).max(200).optional(),
});
export type ManualRunInput = z.infer<typeof manualRunSchema>;
