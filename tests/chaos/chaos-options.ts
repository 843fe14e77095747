import { z } from "zod";

/** The connector the chaos flow's call belongs to, and the limits it is configured with and checked against (R11). */
export const CHAOS_CONNECTOR_KEY = "chaos-crm";
export const CHAOS_CONNECTOR_LIMIT = 3;
export const CHAOS_CONNECTOR_PER_SECOND = 30;
/**
 * A breaker tuned to open now and then under the chaos fault mix (about a
 * fifth of the calls fail in a way it counts), so "no call while open" has
 * cases; open briefly, so the run still finishes in time.
 */
export const CHAOS_BREAKER = { minCalls: 10, failureRatio: 0.25, windowSeconds: 10, openSeconds: 2, halfOpenProbes: 1 } as const;

/** Check groups that may be reported as pending (not failing) while the engine feature they judge is not merged yet. */
export const PENDING_GROUPS = ["limits", "ordering"] as const;
export type PendingGroup = (typeof PENDING_GROUPS)[number];

export const chaosOptionsSchema = z.object({
  /** Distinct orders; duplicates and second versions come on top. */
  events: z.coerce.number().int().min(10).max(100_000).default(300),
  seed: z.coerce.number().int().min(0).default(1),
  workers: z.coerce.number().int().min(1).max(16).default(2),
  /** Jobs each worker process runs at once (its WORKER_CONCURRENCY). */
  workerConcurrency: z.coerce.number().int().min(1).max(64).default(4),
  /** Deliveries per second at most, so kills and the database restart land while work is in progress. */
  rate: z.coerce.number().positive().default(40),
  /** Share of deliveries that are redeliveries of an event already sent. */
  duplicateShare: z.number().min(0).max(1).default(0.1),
  /** Share of orders that get a second version, delivered before the first. */
  versionShare: z.number().min(0).max(1).default(0.05),
  /** Mean seconds between timed kills; a kill also follows some create answers (killAfterCreateChance). */
  killEverySeconds: z.coerce.number().positive().default(5),
  killAfterCreateChance: z.number().min(0).max(1).default(0.02),
  restartDatabase: z.boolean().default(true),
  /** How long the system may take to come to rest after the last delivery before the run counts as stuck. */
  quiescenceTimeoutSeconds: z.coerce.number().int().positive().default(240),
  pgPort: z.coerce.number().int().min(1).max(65535),
  dataDir: z.string().min(1),
  /** Check groups reported but not enforced (CHAOS_PENDING_CHECKS=limits,ordering). */
  pending: z.array(z.enum(PENDING_GROUPS)).default(() => []),
  log: z.custom<(line: string) => void>((value) => typeof value === "function").optional(),
});

export type ChaosOptionsInput = z.input<typeof chaosOptionsSchema>;
export type ChaosOptions = z.output<typeof chaosOptionsSchema>;

/** CHAOS_PENDING_CHECKS: a comma-separated list of PENDING_GROUPS; unset or empty enforces every check. */
export function parsePendingChecks(value: string | undefined): PendingGroup[] {
  const names = (value ?? "").split(",").map((name) => name.trim()).filter(Boolean);
  return z.array(z.enum(PENDING_GROUPS)).parse(names);
}

/** FLOWGATE_CHAOS_PG_PORT, else a port no other suite uses: the chaos suite restarts its server, so it cannot share one. */
export function chaosPgPort(value: string | undefined): number {
  return z.coerce.number().int().min(1).max(65535).default(54369).parse(value === "" ? undefined : value);
}
