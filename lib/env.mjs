// Every setting Flowgate reads, validated once. Imported by next.config.mjs,
// the worker and the scripts, so a bad value stops startup with a message
// that names the variable instead of failing later somewhere deep.
import { z } from "zod";

const port = z.coerce.number().int().min(1).max(65535);
const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Unset locally: `npm start` then runs an embedded PostgreSQL. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PORT: port.default(3000),
  /** Public base URL, used for hook URLs shown in the UI and for next-auth. */
  APP_URL: z.url().default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: port.default(54329),
  WEBHOOK_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  /** A running job's lease: a worker that stops sending heartbeats this long is presumed dead and its run is retried (R14). */
  WORKER_HEARTBEAT_SECONDS: z.coerce.number().int().min(10, "must be at least 10 (pg-boss minimum)").max(3600).default(30),
  /** How often a worker looks for jobs whose lease lapsed; a dead worker's run restarts within lease + this. */
  WORKER_SUPERVISE_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
  ADMIN_EMAIL: z.email().default("admin@flowgate.local"),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  /** Where the seeded demo flow sends its call; `npm start` runs a local demo CRM there. */
  DEMO_TARGET_URL: z.url().default("http://127.0.0.1:3999/crm/leads"),
  FLOWGATE_SEED: bool.default(true),
  /**
   * Credential master keys, `keyId:base64(32 bytes)` separated by commas. The
   * first encrypts; all decrypt (so a key can be rotated out). `npm start`
   * with the embedded database generates a local one when unset.
   */
  FLOWGATE_MASTER_KEYS: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=_-]{40,}(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=_-]{40,})*$/, "must be keyId:base64key[,keyId:base64key…]")
    .optional(),
  /**
   * Hosts and networks outbound calls may reach even though they are private
   * or loopback (R23), comma-separated: `127.0.0.1`, `10.0.0.0/8`, `crm.internal`.
   * Admins can extend it on the settings page.
   */
  OUTBOUND_ALLOWLIST: z.string().default(""),
  /** Where Telegram alert channels send (tests point it at a local fake); read at send time. */
  TELEGRAM_API_BASE: z.url({ protocol: /^https?$/ }).default("https://api.telegram.org"),
  /**
   * Backpressure (R5): intake answers 429 + Retry-After while this many runs
   * wait to start, system-wide or for one flow, instead of accepting work it
   * cannot hold; it recovers by itself as the worker catches up.
   */
  INTAKE_MAX_BACKLOG: z.coerce.number().int().min(1).default(50_000),
  INTAKE_MAX_FLOW_BACKLOG: z.coerce.number().int().min(1).default(10_000),
  /**
   * Days an intake dedup key is kept (R4). Providers redeliver for days and
   * a redelivery after its key is gone would run twice, so 35 is the floor.
   */
  INTAKE_DEDUP_RETENTION_DAYS: z.coerce.number().int().min(35, "must be at least 35 (providers redeliver for days; R4)").default(35),
  /**
   * Per-connector limits (R11) for connectors with no limits of their own
   * (set on the Connector row, or known from the built-in catalog): calls in
   * flight at once and calls started per second, across all worker processes.
   */
  CONNECTOR_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(10),
  CONNECTOR_MAX_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(10),
  /**
   * The circuit breaker's defaults: it opens when at least MIN_CALLS calls in
   * the last WINDOW_SECONDS failed at FAILURE_RATIO or more (temporary or
   * ambiguous failures), defers calls for OPEN_SECONDS, then lets
   * HALF_OPEN_PROBES trial calls through and closes when they all succeed.
   */
  CONNECTOR_BREAKER_MIN_CALLS: z.coerce.number().int().min(1).default(20),
  CONNECTOR_BREAKER_FAILURE_RATIO: z.coerce.number().gt(0).max(1).default(0.5),
  CONNECTOR_BREAKER_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  CONNECTOR_BREAKER_OPEN_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  CONNECTOR_BREAKER_HALF_OPEN_PROBES: z.coerce.number().int().min(1).max(100).default(1),
  /**
   * /api/metrics: a scraper sends `Authorization: Bearer <METRICS_TOKEN>`
   * (signed-in users and API tokens with queue.read may scrape too). Public
   * only with METRICS_PUBLIC=true, for a scraper on a private network.
   */
  METRICS_TOKEN: z.string().min(24, "must be at least 24 characters").optional(),
  METRICS_PUBLIC: bool.default(false),
  /** How long a browser session lasts before signing in again. */
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
});

/**
 * @param {Record<string, string | undefined>} source
 * @returns {z.infer<typeof envSchema>}
 */
export function parseEnv(source) {
  // Empty strings mean "unset" so `FOO= npm start` falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid Flowgate configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env = parseEnv(process.env);
