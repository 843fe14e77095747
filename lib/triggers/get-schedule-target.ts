import { db } from "@/lib/db";
import { flowDefinitionSchema, type ScheduleTriggerConfig } from "@/lib/flows/schema";
import type { IntakeTarget } from "@/lib/intake/store-event";

/** A flow that should be running on its schedule now: where its events go and its trigger's config. */
export type ScheduleTarget = { target: IntakeTarget; config: ScheduleTriggerConfig };

/**
 * The flow's schedule as it should run right now, or null when the flow is
 * gone, paused, unpublished, or its published version is not started by a
 * schedule trigger. Read fresh by every schedule sync and every poll, so a
 * tick that was already queued when the flow was paused does nothing.
 */
export async function getScheduleTarget(flowId: string): Promise<ScheduleTarget | null> {
  const flow = await db.flow.findUnique({
    where: { id: flowId },
    select: { status: true, publishedVersion: { select: { id: true, environment: true, definition: true } } },
  });
  if (!flow || flow.status !== "active" || !flow.publishedVersion) return null;
  const { id: versionId, environment, definition } = flow.publishedVersion;
  const trigger = flowDefinitionSchema.parse(definition).nodes.find((node) => node.kind === "schedule-trigger");
  if (trigger?.kind !== "schedule-trigger") return null;
  return { target: { flowId, versionId, environment }, config: trigger.config };
}
