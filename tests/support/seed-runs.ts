import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { RunStatus } from "@/lib/generated/prisma/enums";

export type SeedRun = {
  flowId: string;
  flowVersionId: string;
  status?: RunStatus;
  createdAt?: Date;
  failureClass?: string;
  connectorKey?: string;
  providerEventId?: string;
  businessKey?: string;
  idempotencyKey?: string;
};

/** Writes an event, its run and one step directly, as the executor would leave them; returns the ids. */
export async function seedRun(seed: SeedRun) {
  const eventId = randomUUID();
  const runId = randomUUID();
  const traceId = randomUUID().replaceAll("-", "");
  const createdAt = seed.createdAt ?? new Date();
  await db.event.create({
    data: { id: eventId, flowId: seed.flowId, source: `hook:${seed.flowId}`, providerEventId: seed.providerEventId ?? null, businessKey: seed.businessKey ?? null, contentType: "application/json", rawBody: "{}", headers: {}, receivedAt: createdAt },
  });
  await db.run.create({
    data: {
      id: runId,
      flowId: seed.flowId,
      flowVersionId: seed.flowVersionId,
      eventId,
      traceId,
      status: seed.status ?? "succeeded",
      createdAt,
      connectorKey: seed.connectorKey ?? null,
      error: seed.failureClass ? { class: seed.failureClass, code: "x", message: "seeded" } : undefined,
    },
  });
  const idempotencyKey = seed.idempotencyKey ?? `key-${runId}`;
  await db.stepRun.create({ data: { runId, nodeId: "call", kind: "http-request", position: 1, status: "succeeded", idempotencyKey } });
  return { runId, eventId, traceId, idempotencyKey };
}
