import { scheduleJob } from "@/lib/queue/schedule-job";

/** Daily, after intake.retention (03:40) so the two batch jobs do not compete for the database. */
const PURGE_CRON = "10 4 * * *";

/**
 * Makes sure the daily retention.purge job is scheduled. Called by every
 * worker at start; pg-boss upserts the one schedule row, so this is idempotent.
 */
export async function scheduleRunRetention(): Promise<void> {
  // "once": a fleet that was down at 04:10 purges when it is back instead of waiting a day.
  await scheduleJob("retention.purge", PURGE_CRON, {}, { tz: "UTC", missed: "once" });
}
