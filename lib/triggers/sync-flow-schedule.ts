import { db } from "@/lib/db";
import { getBoss } from "@/lib/queue/boss";
import { scheduleJob } from "@/lib/queue/schedule-job";
import { getScheduleTarget } from "@/lib/triggers/get-schedule-target";

export type SyncFlowScheduleResult = "scheduled" | "unscheduled" | "invalid";

/**
 * Makes the flow's pg-boss schedule match the flow: a "flow.poll" schedule
 * keyed by the flow id while the flow is active and its published version
 * starts with a schedule trigger, none otherwise. Idempotent; runs as the
 * flow.sync-schedule job that publish, rollback, pause and resume send in
 * their own transaction, so the schedule follows every committed change
 * even if the process that made it dies right after.
 */
export async function syncFlowSchedule(flowId: string): Promise<SyncFlowScheduleResult> {
  const boss = await getBoss();
  const scheduled = await getScheduleTarget(flowId);
  if (!scheduled) {
    await boss.unschedule("flow.poll", flowId);
    return "unscheduled";
  }
  const { cron, timezone } = scheduled.config;
  try {
    // The same parser the cron pass evaluates with: what passes here will fire.
    boss.previewSchedule(cron, { tz: timezone, count: 1 });
  } catch (error) {
    // Our schema accepts a few cron forms pg-boss does not (L, W, #). Retrying
    // cannot fix the version, so the reason is shown on the flow instead.
    await boss.unschedule("flow.poll", flowId);
    const lastError = `The schedule "${cron}" (${timezone}) cannot be evaluated: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500);
    await db.pollState.upsert({ where: { flowId }, create: { flowId, lastError }, update: { lastError } });
    return "invalid";
  }
  await scheduleJob("flow.poll", cron, { flowId }, {
    tz: timezone,
    key: flowId,
    // Every tick's job carries the flow id as singletonKey, which the
    // queue's "exclusive" policy turns into one poll per flow at a time.
    singletonKey: flowId,
    // After the workers were down, one catch-up tick instead of none; the
    // cursor makes a single poll read everything that was missed.
    missed: "once",
  });
  return "scheduled";
}
