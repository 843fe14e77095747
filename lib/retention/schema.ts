import { z } from "zod";

export const MAX_RETENTION_DAYS = 3650;

const days = (name: string) =>
  z
    .number({ error: `${name} must be a whole number of days` })
    .int(`${name} must be a whole number of days`)
    .min(1, `${name} must be at least 1 day`)
    .max(MAX_RETENTION_DAYS, `${name} must be at most ${MAX_RETENTION_DAYS} days`);

/**
 * A flow's retention: how long final runs keep their payloads, and how long
 * they are kept at all. The run window may not be shorter than the body
 * window: that would delete runs whose payloads the flow promises to keep.
 */
export const flowRetentionSchema = z
  .object({ bodyRetentionDays: days("bodyRetentionDays"), runRetentionDays: days("runRetentionDays") })
  .refine((value) => value.runRetentionDays >= value.bodyRetentionDays, {
    message: "runRetentionDays must be at least bodyRetentionDays (a run cannot be deleted before its payloads are due)",
    path: ["runRetentionDays"],
  });
export type FlowRetention = z.infer<typeof flowRetentionSchema>;
