import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { flowDefinitionSchema } from "@/lib/flows/schema";
import { sendJob } from "@/lib/queue/send-job";
import { redactHeaders } from "@/lib/redact/redact-headers";
import { checkBacklog } from "@/lib/webhooks/check-backlog";
import { extractEventKeys } from "@/lib/webhooks/extract-event-keys";
import { parseWebhookBody } from "@/lib/webhooks/parse-webhook-body";
import { verifyWebhookSignature } from "@/lib/webhooks/verify-webhook-signature";

export type ReceiveWebhookOptions = { hookKey: string; headers: Headers; rawBody: Buffer };
export type ReceiveWebhookResult = { runId: string; traceId: string; duplicate: boolean };

const UNIQUE_VIOLATION = "P2002";

/**
 * Stores the event and enqueues its run in one transaction, then answers.
 * A 2xx is only ever sent after that commit (R1, R2); a provider's
 * redelivery of the same event id finds the original run (R4).
 */
export async function receiveWebhook({ hookKey, headers, rawBody }: ReceiveWebhookOptions): Promise<ReceiveWebhookResult> {
  const flow = await db.flow.findUnique({ where: { hookKey }, include: { publishedVersion: true } }).catch((error: unknown) => {
    throw unavailable(error);
  });
  if (!flow) throw new AppError("not_found", "No flow listens on this hook");
  if (flow.status === "paused") throw new AppError("conflict", "This flow is paused");
  if (!flow.publishedVersion) throw new AppError("conflict", "This flow has no published version yet");

  const definition = flowDefinitionSchema.parse(flow.publishedVersion.definition);
  // The version decides which credential set its runs use; copied onto the
  // run so changing the version's environment later never flips a queued run.
  const environment = flow.publishedVersion.environment;
  const trigger = definition.nodes.find((node) => node.kind === "webhook-trigger");
  // Checked before the body is even parsed, so a forged request stores nothing and creates no run (R3).
  // A database failure while reading the secret is not the sender's fault: 503, so it retries (R1).
  if (trigger?.kind === "webhook-trigger") {
    await verifyWebhookSignature({ trigger: trigger.config, environment, headers, rawBody }).catch((error: unknown) => {
      throw error instanceof AppError ? error : unavailable(error);
    });
  }

  await checkBacklog(flow.id).catch((error: unknown) => {
    throw error instanceof AppError ? error : unavailable(error);
  });

  const contentType = headers.get("content-type");
  const body = parseWebhookBody(contentType, rawBody, { acceptForm: trigger?.kind === "webhook-trigger" && trigger.config.acceptForm });
  const keys = extractEventKeys(definition, body, headers);
  const source = `hook:${flow.id}`;
  const traceId = randomBytes(16).toString("hex");
  const versionId = flow.publishedVersion.id;

  try {
    return await db.$transaction(async (tx) => {
      const event = await tx.event.create({
        data: {
          flowId: flow.id,
          source,
          providerEventId: keys.providerEventId,
          businessKey: keys.businessKey,
          contentType: contentType ?? "",
          rawBody: rawBody.toString("utf8"),
          headers: redactHeaders(headers) as Prisma.InputJsonValue,
        },
      });
      const run = await tx.run.create({ data: { flowId: flow.id, flowVersionId: versionId, eventId: event.id, traceId, environment } });
      await sendJob("run.execute", { runId: run.id }, { tx, singletonKey: run.id });
      return { runId: run.id, traceId, duplicate: false };
    });
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION && keys.providerEventId) {
      return findOriginalRun(source, keys.providerEventId);
    }
    throw unavailable(error);
  }
}

// Whatever failed (database down, queue missing), nothing was committed:
// the sender must come back, so it gets 503 + Retry-After, never a 2xx or a 500 (R1).
function unavailable(cause: unknown): AppError {
  return new AppError("unavailable", "The event could not be stored; retry later", { retryAfterSeconds: 30, cause });
}

async function findOriginalRun(source: string, providerEventId: string): Promise<ReceiveWebhookResult> {
  const event = await db.event.findUnique({
    where: { source_providerEventId: { source, providerEventId } },
    include: { runs: { orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const run = event?.runs[0];
  if (!run) throw new AppError("unavailable", "The original event is still being stored; retry later", { retryAfterSeconds: 5 });
  return { runId: run.id, traceId: run.traceId, duplicate: true };
}
