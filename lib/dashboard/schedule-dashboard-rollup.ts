import { scheduleJob } from "@/lib/queue/schedule-job";

/**
 * Makes sure dashboard.rollup runs every minute. Called by every worker at
 * start; pg-boss upserts the one schedule row, so this is idempotent.
 */
export async function scheduleDashboardRollup(): Promise<void> {
  await scheduleJob("dashboard.rollup", "* * * * *", {}, { tz: "UTC" });
}
