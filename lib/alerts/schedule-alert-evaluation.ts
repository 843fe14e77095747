import { scheduleJob } from "@/lib/queue/schedule-job";

/**
 * Makes sure alerts.evaluate runs every minute. Called by every worker at
 * start; pg-boss upserts the one schedule row, so this is idempotent.
 */
export async function scheduleAlertEvaluation(): Promise<void> {
  await scheduleJob("alerts.evaluate", "* * * * *", {}, { tz: "UTC" });
}
