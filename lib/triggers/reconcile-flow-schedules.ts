import { z } from "zod";
import { db } from "@/lib/db";
import { getBoss } from "@/lib/queue/boss";
import { sendJob } from "@/lib/queue/send-job";

/**
 * Queues a schedule sync for every flow that has a pg-boss poll schedule or
 * should have one, so schedules of flows deleted, paused or republished
 * while no worker ran are removed and missing ones are created. Runs at
 * worker start. The syncs go through the flow.sync-schedule queue rather
 * than running here, so they are serialised with the syncs that publishes
 * and pauses send for the same flow. Returns how many flows were queued.
 */
export async function reconcileFlowSchedules(): Promise<number> {
  const boss = await getBoss();
  const [existing, wanted] = await Promise.all([
    boss.getSchedules("flow.poll"),
    db.$queryRaw<Array<{ id: string }>>`
      SELECT f."id"::text AS "id" FROM "Flow" f JOIN "FlowVersion" v ON v."id" = f."publishedVersionId"
      WHERE f."status" = 'active' AND v."definition"->'nodes' @> '[{"kind":"schedule-trigger"}]'::jsonb`,
  ]);
  const flowIds = new Set(wanted.map((flow) => flow.id));
  for (const { key } of existing) {
    // Only syncs create these schedules, always keyed by a flow id; anything else is debris.
    if (z.uuid().safeParse(key).success) flowIds.add(key);
    else await boss.unschedule("flow.poll", key);
  }
  for (const flowId of flowIds) await sendJob("flow.sync-schedule", { flowId }, { singletonKey: flowId });
  return flowIds.size;
}
