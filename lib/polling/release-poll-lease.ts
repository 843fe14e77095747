import { db } from "@/lib/db";
import type { PollLease } from "@/lib/polling/acquire-poll-lease";

export type PollEnd = { succeeded: true } | { succeeded: false; error: string };

/**
 * Ends a poll: frees the lease and records how it went, so the flow page
 * shows the last error (already masked by the caller) until a poll
 * succeeds again. Matches the lease token, so a poll that lost its lease
 * neither frees nor overwrites its successor's.
 */
export async function releasePollLease(lease: PollLease, end: PollEnd): Promise<void> {
  const error = end.succeeded ? null : end.error;
  await db.$executeRaw`
    UPDATE "PollState"
    SET "leaseUntil" = NULL, "lastError" = ${error},
        "lastSucceededAt" = CASE WHEN ${end.succeeded} THEN now() AT TIME ZONE 'UTC' ELSE "lastSucceededAt" END,
        "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE "flowId" = ${lease.flowId}::uuid AND (extract(epoch FROM "leaseUntil") * 1000)::bigint = ${lease.token}::bigint`;
}
