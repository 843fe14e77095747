import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ActingUser } from "@/lib/audit/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { flowDefinitionSchema } from "@/lib/flows/schema";
import { acceptEvent, storageUnavailable } from "@/lib/intake/accept-event";
import { checkBacklog } from "@/lib/intake/check-backlog";
import type { ManualRunInput } from "@/lib/intake/manual-run-schema";
import type { AcceptedEvent } from "@/lib/intake/store-event";
import { getPath } from "@/lib/mapping/get-path";
import { normalizeKey } from "@/lib/webhooks/extract-event-keys";

export type StartManualRunOptions = ManualRunInput & { flowId: string; actor: ActingUser };

/**
 * Starts a run of the published version with a payload someone typed or an
 * automation sent: the same store-and-enqueue path as a webhook (R1, R2),
 * audited in the same transaction. For a webhook flow the payload's business
 * key is read as the trigger reads it, so re-injecting a lost webhook by hand
 * reuses the idempotency keys its delivery would have had (R6).
 */
export async function startManualRun({ flowId, payload, idempotencyKey, actor }: StartManualRunOptions): Promise<AcceptedEvent> {
  const flow = await db.flow.findUnique({ where: { id: flowId }, include: { publishedVersion: true } });
  if (!flow) throw new AppError("not_found", "Flow not found");
  if (flow.status === "paused") throw new AppError("conflict", "This flow is paused; resume it to start runs");
  if (!flow.publishedVersion) throw new AppError("conflict", "This flow has no published version yet");
  await checkBacklog(flow.id).catch((error: unknown) => {
    throw error instanceof AppError ? error : storageUnavailable(error);
  });

  const version = flow.publishedVersion;
  const trigger = flowDefinitionSchema.parse(version.definition).nodes.find((node) => node.kind === "webhook-trigger");
  const { businessKeyPath, entityVersionPath } = trigger?.kind === "webhook-trigger" ? trigger.config : {};
  return acceptEvent(
    { flowId: flow.id, versionId: version.id, environment: version.environment },
    {
      source: `manual:${flow.id}`,
      dedupKey: idempotencyKey ?? null,
      businessKey: businessKeyPath ? normalizeKey(getPath(payload, businessKeyPath)) : null,
      entityVersion: entityVersionPath ? normalizeKey(getPath(payload, entityVersionPath)) : null,
      contentType: "application/json",
      rawBody: JSON.stringify(payload),
      // Shown with the event, so a manual run says who started it.
      headers: { "x-flowgate-started-by": actor.email },
    },
    {
      alsoWrite: async (tx, accepted) => {
        if (accepted.duplicate) return;
        await recordAudit({
          tx,
          actor,
          action: "run.trigger",
          target: { type: "run", id: accepted.runId },
          details: { flow: flow.name, flowId: flow.id, version: version.number, ...(idempotencyKey ? { key: idempotencyKey } : {}) },
        });
      },
    },
  );
}
