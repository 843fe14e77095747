import { scheduleJob } from "@/lib/queue/schedule-job";

/**
 * Makes sure dashboard.rollup (minute buckets) and dashboard.accounting (the
 * stored R16 check) run every minute. Called by every worker at start;
 * pg-boss upserts the one schedule row per queue, so this is idempotent.
 */
export async function scheduleDashboardJobs(): Promise<void> {
  await scheduleJob("dashboard.rollup", "* * * * *", {}, { tz: "UTC" });
  await scheduleJob("dashboard.accounting", "* * * * *", {}, { tz: "UTC" });
}
