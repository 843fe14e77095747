import type { DbTransaction } from "@/lib/db";
import { compareEntityVersions } from "@/lib/runs/compare-entity-versions";

export type RecordAppliedVersionOptions = { flowId: string; runId: string; businessKey: string | null; entityVersion: string | null };

/**
 * Records a succeeded run's entity version as applied (R12), in the
 * transaction that marks the run succeeded, so "applied" and "succeeded"
 * can never disagree. Only a newer version replaces the stored one.
 */
export async function recordAppliedVersion(tx: DbTransaction, { flowId, runId, businessKey, entityVersion }: RecordAppliedVersionOptions): Promise<void> {
  if (businessKey === null || entityVersion === null) return;
  const row = { flowId, entityKey: businessKey, version: entityVersion, runId };
  const { count } = await tx.entityVersion.createMany({ data: [row], skipDuplicates: true });
  if (count === 1) return;
  // Locked until commit: two runs of one entity finishing together cannot
  // both read the old version and write theirs in the wrong order.
  const current = await tx.$queryRaw<Array<{ version: string }>>`
    SELECT "version" FROM "EntityVersion" WHERE "flowId" = ${flowId}::uuid AND "entityKey" = ${businessKey} FOR UPDATE`;
  const stored = current[0]?.version;
  if (stored !== undefined && compareEntityVersions(entityVersion, stored) <= 0) return;
  await tx.entityVersion.upsert({
    where: { flowId_entityKey: { flowId, entityKey: businessKey } },
    create: row,
    update: { version: entityVersion, runId, appliedAt: new Date() },
  });
}
