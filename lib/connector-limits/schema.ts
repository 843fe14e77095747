import { z } from "zod";

/** A connector key: a name a step gives, or derived from host and credential (connector-of.ts). */
export const connectorKeySchema = z.string().trim().min(1).max(300);

export const breakerSettingsSchema = z.object({
  /** Calls needed in the window before the failure ratio is judged. */
  minCalls: z.number().int().min(1).max(100_000),
  /** Share of failed calls in the window (0–1] that opens the breaker. */
  failureRatio: z.number().gt(0).max(1),
  windowSeconds: z.number().int().min(1).max(3600),
  /** How long it stays open before letting probes through. */
  openSeconds: z.number().int().min(1).max(3600),
  /** Probes let through at once while half open; as many must succeed to close it. */
  halfOpenProbes: z.number().int().min(1).max(100),
});
export type BreakerSettings = z.infer<typeof breakerSettingsSchema>;

export const connectorLimitsSchema = breakerSettingsSchema.extend({
  maxInFlight: z.number().int().min(1).max(10_000),
  maxPerSecond: z.number().int().min(1).max(10_000),
});
export type ConnectorLimits = z.infer<typeof connectorLimitsSchema>;

/** What an operator (or a test) sets on a connector; a field left out keeps its value, null restores the default. */
const { shape } = connectorLimitsSchema;
export const connectorSettingsSchema = z.object({
  maxInFlight: shape.maxInFlight.nullable().optional(),
  maxPerSecond: shape.maxPerSecond.nullable().optional(),
  minCalls: shape.minCalls.nullable().optional(),
  failureRatio: shape.failureRatio.nullable().optional(),
  windowSeconds: shape.windowSeconds.nullable().optional(),
  openSeconds: shape.openSeconds.nullable().optional(),
  halfOpenProbes: shape.halfOpenProbes.nullable().optional(),
});
export type ConnectorSettings = z.infer<typeof connectorSettingsSchema>;

export const BREAKER_STATUSES = ["closed", "open", "half_open"] as const;
export type BreakerStatusName = (typeof BREAKER_STATUSES)[number];

/** One slice of the breaker window, as stored in Connector.breakerBuckets. */
export const breakerBucketSchema = z.object({
  /** Slice start, epoch ms. */
  start: z.number().int(),
  calls: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
});
export const breakerBucketsSchema = z.array(breakerBucketSchema);

export type BreakerState = {
  status: BreakerStatusName;
  openedAt: Date | null;
  buckets: z.infer<typeof breakerBucketsSchema>;
  probeSuccesses: number;
};

/** Why a call may not start now; each is a StepDeferral reason, so none of them uses an attempt. */
export type PermitDenialReason = "connector_paused" | "retry_after" | "breaker_open" | "connector_limit";
