import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { flowDefinitionSchema, type WebhookTriggerConfig } from "@/lib/flows/schema";
import { acceptEvent, storageUnavailable } from "@/lib/intake/accept-event";
import { checkBacklog } from "@/lib/intake/check-backlog";
import { countRejection } from "@/lib/intake/count-rejection";
import { rejectionReason } from "@/lib/intake/rejection-reasons";
import type { AcceptedEvent } from "@/lib/intake/store-event";
import { redactHeaders } from "@/lib/redact/redact-headers";
import { extractEventKeys } from "@/lib/webhooks/extract-event-keys";
import { parseWebhookBody } from "@/lib/webhooks/parse-webhook-body";
import { verifyWebhookSignature } from "@/lib/webhooks/verify-webhook-signature";

export type ReceiveWebhookOptions = {
  hookKey: string;
  headers: Headers;
  /** The raw bytes, or how to read them (capped) once the flow is known, so an oversized body is counted against it. */
  rawBody: Buffer | (() => Promise<Buffer>);
  query?: URLSearchParams;
};
export type ReceiveWebhookResult = Omit<AcceptedEvent, "eventId">;

type HookFlow = NonNullable<Awaited<ReturnType<typeof findHookFlow>>>;

/**
 * Verifies, stores and enqueues one webhook event, then answers. A 2xx is only
 * ever sent after that commit (R1, R2); a redelivery of the same event finds the
 * original run (R4). Every refusal of a known flow's request is counted, never
 * stored, so the flow's events view can say why a call started nothing.
 */
export async function receiveWebhook(options: ReceiveWebhookOptions): Promise<ReceiveWebhookResult> {
  const flow = await findHookFlow(options.hookKey).catch((error: unknown) => {
    throw storageUnavailable(error);
  });
  if (!flow) throw new AppError("not_found", "No flow listens on this hook");
  try {
    const { runId, traceId, duplicate, held } = await acceptWebhook(flow, options);
    return { runId, traceId, duplicate, held };
  } catch (error) {
    if (error instanceof AppError && error.status < 500) countRejection(flow.id, rejectionReason(error));
    throw error;
  }
}

function findHookFlow(hookKey: string) {
  return db.flow.findUnique({ where: { hookKey }, include: { publishedVersion: true } });
}

async function acceptWebhook(flow: HookFlow, { headers, rawBody, query = new URLSearchParams() }: ReceiveWebhookOptions): Promise<AcceptedEvent> {
  // In hold mode a paused flow still takes events; their runs wait for the resume.
  const hold = flow.status === "paused" && flow.whilePaused === "hold";
  if (flow.status === "paused" && !hold) throw new AppError("conflict", "This flow is paused", { details: { reason: "flow_paused" } });
  if (!flow.publishedVersion) throw new AppError("conflict", "This flow has no published version yet", { details: { reason: "not_published" } });
  const parsed = flowDefinitionSchema.safeParse(flow.publishedVersion.definition);
  // Published versions are validated; one that no longer parses is our fault, so the sender keeps its event and retries.
  if (!parsed.success) throw storageUnavailable(parsed.error);
  const definition = parsed.data;
  const trigger = definition.nodes.find((node) => node.kind === "webhook-trigger");
  if (trigger?.kind !== "webhook-trigger") throw new AppError("conflict", "This flow is not started by webhooks", { details: { reason: "not_a_webhook_flow" } });
  // The version decides which credential set its runs use; copied onto the
  // run so changing the version's environment later never flips a queued run.
  const environment = flow.publishedVersion.environment;
  const raw = typeof rawBody === "function" ? await rawBody() : rawBody;

  // Checked before the body is even parsed, so a forged request stores nothing and creates no run (R3).
  // A database failure while reading the secret is not the sender's fault: 503, so it retries (R1).
  await verifyWebhookSignature({ trigger: trigger.config, unsignedAllowed: flow.unsignedWebhooksAllowed, environment, headers, query, rawBody: raw }).catch(
    (error: unknown) => {
      throw error instanceof AppError ? error : storageUnavailable(error);
    },
  );
  await checkBacklog(flow.id).catch((error: unknown) => {
    throw error instanceof AppError ? error : storageUnavailable(error);
  });

  const contentType = headers.get("content-type");
  const body = parseWebhookBody(contentType, raw, { acceptForm: trigger.config.acceptForm });
  const keys = await extractEventKeys(trigger.config satisfies WebhookTriggerConfig, body, headers, raw);
  return acceptEvent(
    { flowId: flow.id, versionId: flow.publishedVersion.id, environment, hold },
    {
      source: `hook:${flow.id}`,
      dedupKey: keys.providerEventId,
      businessKey: keys.businessKey,
      entityVersion: keys.entityVersion,
      contentType: contentType ?? "",
      rawBody: raw.toString("utf8"),
      headers: redactHeaders(headers) as Prisma.InputJsonValue,
    },
  );
}
