import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";

export type PruneIntakeRecordsOptions = {
  now?: Date;
  /** Days a dedup key is kept; never fewer than 35 (R4). */
  dedupRetentionDays?: number;
  batchSize?: number;
};

export type PrunedCounts = { intakeKeys: number; rejections: number; signInAttempts: number; dedupClaims: number };

/** R4: providers redeliver for days, and a redelivery whose key is gone would run twice. */
export const MIN_DEDUP_RETENTION_DAYS = 35;
/** The events view shows refusal counts of the last weeks; older ones explain nothing anymore. */
const REJECTION_RETENTION_DAYS = 30;
/** The sign-in limiter looks back 15 minutes; a day leaves room to investigate an attack. */
const SIGN_IN_ATTEMPT_RETENTION_DAYS = 1;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Which table is pruned by which time column. Identifiers come only from
 * this table, never from input, so they can be spliced into the statement.
 */
const PRUNABLE = {
  IntakeKey: "createdAt",
  IntakeRejection: "lastAt",
  SignInAttempt: "at",
  DedupClaim: "expiresAt",
} as const;

/**
 * The intake.retention job: deletes dedup keys past their retention (the
 * events stay, runs reference them), refusal counts older than 30 days and
 * sign-in attempts older than a day, and dedup-node claims past their
 * window (an expired claim is free to take anyway). In batches, each its own short
 * statement, so a large backlog never holds long locks or one huge
 * transaction against live intake.
 */
export async function pruneIntakeRecords({ now = new Date(), dedupRetentionDays = env.INTAKE_DEDUP_RETENTION_DAYS, batchSize = 5_000 }: PruneIntakeRecordsOptions = {}): Promise<PrunedCounts> {
  // Checked here as well as in lib/env.mjs: dropping keys early breaks R4 however it is called.
  if (!Number.isInteger(dedupRetentionDays) || dedupRetentionDays < MIN_DEDUP_RETENTION_DAYS) {
    throw new Error(`Dedup keys must be kept at least ${MIN_DEDUP_RETENTION_DAYS} days (asked: ${dedupRetentionDays})`);
  }
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    intakeKeys: await deleteOlderThan("IntakeKey", before(dedupRetentionDays), batchSize),
    rejections: await deleteOlderThan("IntakeRejection", before(REJECTION_RETENTION_DAYS), batchSize),
    signInAttempts: await deleteOlderThan("SignInAttempt", before(SIGN_IN_ATTEMPT_RETENTION_DAYS), batchSize),
    dedupClaims: await deleteOlderThan("DedupClaim", now, batchSize),
  };
}

async function deleteOlderThan(table: keyof typeof PRUNABLE, cutoff: Date, batchSize: number): Promise<number> {
  const column = PRUNABLE[table];
  // Times travel as ISO text: the columns are UTC timestamps without a zone.
  const statement = `
    DELETE FROM "${table}" WHERE ctid = ANY (ARRAY(
      SELECT ctid FROM "${table}" WHERE "${column}" < $1::timestamptz AT TIME ZONE 'UTC' LIMIT $2::int))`;
  let total = 0;
  for (;;) {
    const deleted = await db.$executeRawUnsafe(statement, cutoff.toISOString(), batchSize);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
