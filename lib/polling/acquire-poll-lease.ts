import { db } from "@/lib/db";

/**
 * The right to poll one flow until `token`'s time. The token is the lease's
 * expiry in epoch milliseconds, exactly as stored: every write of the holder
 * matches it, so a holder whose lease lapsed and was taken over can write
 * nothing more. commitPollPage renews the lease and replaces the token.
 */
export type PollLease = {
  readonly flowId: string;
  token: string;
  /** How long each renewal keeps the lease. */
  readonly seconds: number;
  /** PollState.cursor when the lease was taken: where the last committed page left off. */
  readonly storedCursor: unknown;
};

/**
 * Takes the flow's poll lease when no live one exists, creating its
 * PollState on the first poll; null while another poll holds it. One
 * statement, evaluated on the database clock, so two workers (or two jobs
 * the queue let through by mistake) can never both win, and a lease whose
 * worker died simply expires.
 */
export async function acquirePollLease(flowId: string, seconds: number): Promise<PollLease | null> {
  // Columns are UTC timestamps without a zone, hence AT TIME ZONE 'UTC' on every now().
  const rows = await db.$queryRaw<Array<{ token: string; cursor: unknown }>>`
    INSERT INTO "PollState" ("flowId", "leaseUntil", "lastPolledAt", "updatedAt")
    VALUES (${flowId}::uuid, (now() AT TIME ZONE 'UTC') + ${seconds}::int * interval '1 second', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
    ON CONFLICT ("flowId") DO UPDATE
      SET "leaseUntil" = EXCLUDED."leaseUntil", "lastPolledAt" = EXCLUDED."lastPolledAt", "updatedAt" = EXCLUDED."updatedAt"
      WHERE "PollState"."leaseUntil" IS NULL OR "PollState"."leaseUntil" < now() AT TIME ZONE 'UTC'
    RETURNING (extract(epoch FROM "leaseUntil") * 1000)::bigint::text AS "token", "cursor"`;
  const row = rows[0];
  return row ? { flowId, token: row.token, seconds, storedCursor: row.cursor } : null;
}
