import { scheduleJob } from "@/lib/queue/schedule-job";

/** Daily, at a quiet hour; the exact time does not matter, only that it keeps happening. */
const RETENTION_CRON = "40 3 * * *";

/**
 * Makes sure the daily intake.retention job is scheduled. Called by every
 * worker at start; pg-boss upserts the one schedule row, so this is
 * idempotent and a cron change here takes effect on the next deploy.
 */
export async function scheduleIntakeRetention(): Promise<void> {
  // "once": a worker fleet that was down at 03:40 prunes when it is back instead of waiting a day.
  await scheduleJob("intake.retention", RETENTION_CRON, {}, { tz: "UTC", missed: "once" });
}
