import { db, type DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { storeEvent, type AcceptedEvent, type IncomingEvent, type IntakeTarget } from "@/lib/intake/store-event";

export type AcceptEventOptions = {
  /** Written in the same transaction, e.g. the audit row of a manual start. */
  alsoWrite?: (tx: DbTransaction, accepted: AcceptedEvent) => Promise<void>;
};

/**
 * Commits one event with its run and job, or nothing. Any failure to store
 * (database down, queue missing) is a 503 with Retry-After: the sender must
 * come back, so it never sees a 2xx or a 500 for an event we do not hold (R1).
 */
export async function acceptEvent(target: IntakeTarget, incoming: IncomingEvent, { alsoWrite }: AcceptEventOptions = {}): Promise<AcceptedEvent> {
  try {
    return await db.$transaction(async (tx) => {
      const accepted = await storeEvent(tx, target, incoming);
      await alsoWrite?.(tx, accepted);
      return accepted;
    });
  } catch (error) {
    throw error instanceof AppError ? error : storageUnavailable(error);
  }
}

export function storageUnavailable(cause: unknown): AppError {
  return new AppError("unavailable", "The event could not be stored; retry later", { retryAfterSeconds: 30, cause });
}
