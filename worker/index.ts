import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";
import { createLogger } from "@/lib/log";
import { stopOnInvalidConfig } from "@/lib/setup/stop-on-invalid-config";
import { startWorker } from "@/worker/start-worker";

const log = createLogger("worker", env.LOG_LEVEL);
const DRAIN_TIMEOUT_MS = 30_000;

if (!env.DATABASE_URL) {
  log.fatal("DATABASE_URL is not set; the worker needs the same database as the web app");
  process.exit(1);
}

stopOnInvalidConfig((message) => log.fatal(message));

const boss = await startWorker({ databaseUrl: env.DATABASE_URL });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "draining in-flight jobs");
  // Graceful stop waits for active jobs up to the timeout; what is still
  // unfinished then is retried by pg-boss after expiry, never lost (R15).
  await boss.stop({ graceful: true, timeout: DRAIN_TIMEOUT_MS });
  await db.$disconnect();
  log.info("worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
