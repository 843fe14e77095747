import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActingUser } from "@/lib/audit/acting-user";
import { getPublishedTrigger } from "@/lib/flows/get-published-trigger";
import { recordFlowAudit } from "@/lib/flows/record-flow-audit";
import type { PollCursorInput } from "@/lib/polling/schema";
import { redactValue } from "@/lib/redact/redact-value";

export type SetPollCursorOptions = PollCursorInput & { flowId: string; actor: ActingUser };

/**
 * Moves a polling flow's cursor by hand: back, to read a stretch again (its
 * records come back as duplicates, or as new versions where they changed),
 * forward, to skip a stretch the source cannot serve, or to null, to start
 * again from the trigger's own cursor. Refused while a poll holds the lease:
 * the PollState row is locked first, so a poll starting meanwhile waits and
 * then reads the new cursor. Audited with both positions (masked).
 */
export async function setPollCursor({ flowId, cursor, actor }: SetPollCursorOptions) {
  const flow = await db.flow.findUnique({ where: { id: flowId }, select: { id: true, name: true, publishedVersionId: true } });
  if (!flow) throw new AppError("not_found", "Flow not found");
  const trigger = await getPublishedTrigger(flow.publishedVersionId);
  if (trigger?.kind !== "schedule-trigger" || !trigger.config.poll) throw new AppError("conflict", "This flow's published version does not poll a source; it has no cursor");

  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ cursor: unknown; leased: boolean }>>`
      SELECT "cursor", coalesce("leaseUntil" > now() AT TIME ZONE 'UTC', false) AS leased FROM "PollState" WHERE "flowId" = ${flowId}::uuid FOR UPDATE`;
    const current = rows[0];
    if (current?.leased) throw new AppError("conflict", "A poll of this flow is running; set the cursor after it ends");
    const value = cursor === null ? Prisma.DbNull : cursor;
    const state = await tx.pollState.upsert({ where: { flowId }, create: { flowId, cursor: value }, update: { cursor: value } });
    await recordFlowAudit({ tx, actor, action: "flow.poll_cursor", flow, details: { from: redactValue(current?.cursor ?? null), to: redactValue(cursor) } });
    return { cursor: redactValue(state.cursor ?? null) };
  });
}
