import { randomBytes } from "node:crypto";
import type { DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Environment } from "@/lib/credentials/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { holdRunIfStillPaused } from "@/lib/flows/hold-run-if-still-paused";
import { sendJob } from "@/lib/queue/send-job";

/**
 * Where an accepted event's run goes: the flow and the published version that
 * will execute it. `hold` is set when the flow was seen paused in hold mode.
 */
export type IntakeTarget = { flowId: string; versionId: string; environment: Environment; hold?: boolean };

/** One inbound trigger item (a webhook request, a polled record, a manual start), as every trigger hands it over. */
export type IncomingEvent = {
  /** The dedup scope: "hook:<flowId>", "poll:<flowId>", "manual:<flowId>", "schedule:<flowId>". */
  source: string;
  /** The provider's event id or the key computed in its place; null means the event is never deduplicated. */
  dedupKey: string | null;
  businessKey: string | null;
  /** The entity's version or updated-at, read once here so every run of the event orders by the same value (R12). */
  entityVersion?: string | null;
  contentType: string;
  rawBody: string;
  /** Selected headers, already masked. */
  headers: Prisma.InputJsonValue;
};

/** `held`: stored, but its run starts only when the flow is resumed. */
export type AcceptedEvent = { eventId: string; runId: string; traceId: string; duplicate: boolean; held: boolean };

/**
 * Stores the event, claims its dedup key, creates its run and enqueues the
 * run's job, all inside the caller's transaction (R1, R2). A key already
 * claimed makes this a duplicate: nothing new survives, and the original
 * event's run is returned (R4).
 */
export async function storeEvent(tx: DbTransaction, target: IntakeTarget, incoming: IncomingEvent): Promise<AcceptedEvent> {
  const event = await tx.event.create({
    data: {
      flowId: target.flowId,
      source: incoming.source,
      providerEventId: incoming.dedupKey,
      businessKey: incoming.businessKey,
      entityVersion: incoming.entityVersion ?? null,
      contentType: incoming.contentType,
      rawBody: incoming.rawBody,
      headers: incoming.headers,
    },
    select: { id: true },
  });

  if (incoming.dedupKey !== null) {
    // ON CONFLICT waits for a concurrent transaction holding the same key to
    // end, so a loser always finds the winner's event committed (or, if the
    // winner rolled back, claims the key itself).
    const claimed = await tx.$executeRaw`
      INSERT INTO "IntakeKey" ("source", "key", "eventId") VALUES (${incoming.source}, ${incoming.dedupKey}, ${event.id}::uuid)
      ON CONFLICT DO NOTHING`;
    if (claimed === 0) {
      await tx.event.delete({ where: { id: event.id } });
      return recordDuplicate(tx, incoming.source, incoming.dedupKey);
    }
  }

  const traceId = randomBytes(16).toString("hex");
  const run = await tx.run.create({
    data: { flowId: target.flowId, flowVersionId: target.versionId, eventId: event.id, traceId, environment: target.environment },
    select: { id: true },
  });
  const held = target.hold === true && (await holdRunIfStillPaused(tx, target.flowId, run.id));
  if (!held) await sendJob("run.execute", { runId: run.id }, { tx, singletonKey: run.id });
  return { eventId: event.id, runId: run.id, traceId, duplicate: false, held };
}

async function recordDuplicate(tx: DbTransaction, source: string, key: string): Promise<AcceptedEvent> {
  const claim = await tx.intakeKey.findUnique({ where: { source_key: { source, key } }, select: { eventId: true } });
  // Only the retention job removes keys, and only 35-day-old ones: seeing one
  // vanish mid-request is a race worth a retry, not a reason to guess.
  if (!claim) throw new AppError("unavailable", "The original event is still being stored; retry later", { retryAfterSeconds: 5 });
  const original = await tx.event.update({
    where: { id: claim.eventId },
    data: { duplicateCount: { increment: 1 }, lastDuplicateAt: new Date() },
    select: { id: true, runs: { orderBy: { createdAt: "asc" }, take: 1, select: { id: true, traceId: true, held: { select: { runId: true } } } } },
  });
  const run = original.runs[0];
  if (!run) throw new AppError("unavailable", "The original event has no run yet; retry later", { retryAfterSeconds: 5 });
  return { eventId: original.id, runId: run.id, traceId: run.traceId, duplicate: true, held: run.held !== null };
}
