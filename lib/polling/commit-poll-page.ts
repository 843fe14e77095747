import { db } from "@/lib/db";
import { storeEvent, type IncomingEvent, type IntakeTarget } from "@/lib/intake/store-event";
import type { PollLease } from "@/lib/polling/acquire-poll-lease";

export type PollPage = {
  events: IncomingEvent[];
  /** Where the next poll starts once these events are stored. */
  cursor: unknown;
};

export type CommittedPage = { accepted: number; duplicates: number };

/** The poll's lease lapsed and another poll took the flow over; this one must stop without writing. */
export class PollLeaseLostError extends Error {
  constructor() {
    super("The poll lease expired and another poll took over");
    this.name = "PollLeaseLostError";
  }
}

/** Generous: a page of 1000 items is ~5000 small statements plus their job inserts. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 } as const;

/**
 * Stores a page's items as events (each deduplicated, with its run and job)
 * and moves the cursor past them in one transaction: the cursor can only
 * advance together with the items, so a crash at any point re-polls the
 * page instead of skipping it, and the re-poll's copies are duplicates.
 *
 * The lease is checked and renewed first, which also locks the PollState
 * row until commit: a poll that lost its lease stores nothing, and one that
 * still holds it cannot be overtaken mid-page.
 */
export async function commitPollPage(lease: PollLease, target: IntakeTarget, page: PollPage): Promise<CommittedPage> {
  const cursor = page.cursor === undefined || page.cursor === null ? null : JSON.stringify(page.cursor);
  const { token, ...counts } = await db.$transaction(async (tx) => {
    const renewed = await tx.$queryRaw<Array<{ token: string }>>`
      UPDATE "PollState"
      SET "cursor" = ${cursor}::jsonb, "leaseUntil" = (now() AT TIME ZONE 'UTC') + ${lease.seconds}::int * interval '1 second', "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE "flowId" = ${lease.flowId}::uuid AND (extract(epoch FROM "leaseUntil") * 1000)::bigint = ${lease.token}::bigint
      RETURNING (extract(epoch FROM "leaseUntil") * 1000)::bigint::text AS "token"`;
    const row = renewed[0];
    if (!row) throw new PollLeaseLostError();
    let accepted = 0;
    for (const event of page.events) {
      const stored = await storeEvent(tx, target, event);
      if (!stored.duplicate) accepted += 1;
    }
    await tx.$executeRaw`
      UPDATE "PollState"
      SET "itemsAccepted" = "itemsAccepted" + ${accepted}::int, "lastSucceededAt" = now() AT TIME ZONE 'UTC', "lastError" = NULL
      WHERE "flowId" = ${lease.flowId}::uuid`;
    return { token: row.token, accepted, duplicates: page.events.length - accepted };
  }, TRANSACTION_OPTIONS);
  // Only now: had the transaction rolled back, so would the renewal, and the old token would still be the valid one.
  lease.token = token;
  return counts;
}
