import { AppError } from "@/lib/errors";
import { flowNodeSchema, type DraftNode } from "@/lib/flows/schema";
import { buildItemEvent } from "@/lib/polling/build-item-event";
import { StepFailureError } from "@/lib/runs/failure-class";
import type { StepContext } from "@/lib/nodes/types";
import { extractEventKeys } from "@/lib/webhooks/extract-event-keys";

/** Stands in for the event id a stored event would have; idempotency keys fall back to it only without a business or provider key. */
export const DRY_RUN_EVENT_ID = "dry-run";

/**
 * The event the sample would become, read as intake reads it (event id and
 * business key from the trigger's paths or expression, a poll item's id), so
 * idempotency keys come out as the run's would. A sample that intake would
 * refuse (its event id expression fails, a poll item has no id) is a 422.
 */
export async function dryRunEventOf(trigger: DraftNode, sample: unknown, flowId: string): Promise<StepContext["event"]> {
  const none = { id: DRY_RUN_EVENT_ID, providerEventId: null, businessKey: null };
  const node = flowNodeSchema.safeParse(trigger);
  if (!node.success) return none;
  if (node.data.kind === "webhook-trigger") {
    const keys = await extractEventKeys(node.data.config, sample, new Headers(), Buffer.from(JSON.stringify(sample)));
    return { id: DRY_RUN_EVENT_ID, providerEventId: keys.providerEventId, businessKey: keys.businessKey };
  }
  if (node.data.kind === "schedule-trigger" && node.data.config.poll) {
    try {
      const item = buildItemEvent(sample, node.data.config.poll, flowId);
      return { id: DRY_RUN_EVENT_ID, providerEventId: item.dedupKey, businessKey: item.businessKey };
    } catch (error) {
      if (error instanceof StepFailureError) throw new AppError("validation_failed", `The poll would refuse this sample: ${error.failure.message}`);
      throw error;
    }
  }
  return none;
}
