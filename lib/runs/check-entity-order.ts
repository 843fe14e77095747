import { db } from "@/lib/db";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { compareEntityVersions } from "@/lib/runs/compare-entity-versions";

export type EntityOrderEvent = { id: string; flowId: string; businessKey: string | null; entityVersion: string | null };

export type EntityOrderVerdict = { kind: "proceed" } | { kind: "wait"; reason: string; delayMs: number } | { kind: "stale"; reason: string };

/**
 * Runs still on their way to applying their event. A run that needs review,
 * failed or was cancelled gives up its place: holding every later event of
 * the entity behind a person's decision would stall it indefinitely.
 */
const PENDING: RunStatus[] = ["queued", "running", "waiting_retry"];

/** Short, because the run ahead usually finishes within a second or two; waiting costs no attempt. */
export const ENTITY_ORDER_DELAY_MS = 1_000;

/**
 * Whether a run may start applying its event (R12). Runs of one flow that
 * share a business key go one at a time in arrival order: while an earlier
 * arrival is pending, this one waits. Arrival order is the events' sequence:
 * a total order where timestamps can tie (a poll page's events are stored
 * within the same millisecond), so two runs can never wait for each other.
 * Then an event older than the version already applied for its key is stale.
 */
export async function checkEntityOrder({ runId, event }: { runId: string; event: EntityOrderEvent }): Promise<EntityOrderVerdict> {
  const { flowId, businessKey, entityVersion } = event;
  if (businessKey === null) return { kind: "proceed" };
  // Compared in SQL, so the sequence (a BigInt) never leaves the database.
  const earlier = await db.$queryRaw<Array<{ id: string }>>`
    SELECT r."id" FROM "Run" r
    JOIN "Event" e ON e."id" = r."eventId"
    JOIN "Event" mine ON mine."id" = ${event.id}::uuid
    WHERE r."flowId" = ${flowId}::uuid AND r."id" <> ${runId}::uuid
      AND r."status"::text = ANY(${PENDING}::text[])
      AND e."flowId" = mine."flowId" AND e."businessKey" = mine."businessKey" AND e."arrivalSeq" < mine."arrivalSeq"
    LIMIT 1`;
  if (earlier.length > 0) return { kind: "wait", reason: `waiting for earlier event of ${businessKey}`, delayMs: ENTITY_ORDER_DELAY_MS };
  if (entityVersion === null) return { kind: "proceed" };
  const applied = await db.entityVersion.findUnique({ where: { flowId_entityKey: { flowId, entityKey: businessKey } }, select: { version: true } });
  if (applied && compareEntityVersions(entityVersion, applied.version) < 0) {
    return { kind: "stale", reason: `stale: version ${entityVersion} < applied ${applied.version}` };
  }
  return { kind: "proceed" };
}
