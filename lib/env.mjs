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
  ADMIN_EMAIL: z.email().default("admin@flowgate.local"),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  /** Where the seeded demo flow sends its call; `npm start` runs a local demo CRM there. */
  DEMO_TARGET_URL: z.url().default("http://127.0.0.1:3999/crm/leads"),
  FLOWGATE_SEED: bool.default(true),
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
