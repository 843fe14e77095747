import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { findCredentialUsage } from "@/lib/credentials/find-credential-usage";

export type DeleteCredentialOptions = { actor: NonNullable<AuditActor>; credentialId: string };

/**
 * Deletes a credential no flow refers to. While a draft or the published
 * version of a flow names it, deletion is refused (409) with those flows,
 * because the next run (or publish) would fail on a missing credential.
 */
export async function deleteCredential({ actor, credentialId }: DeleteCredentialOptions): Promise<void> {
  const credential = await db.credential.findUnique({ where: { id: credentialId }, select: { id: true, name: true, environment: true, type: true } });
  if (!credential) throw new AppError("not_found", "Credential not found");
  const usage = await findCredentialUsage(credential.name);
  if (usage.length) {
    const names = usage.map((flow) => `"${flow.flowName}"`).join(", ");
    throw new AppError("conflict", `"${credential.name}" is used by ${usage.length === 1 ? "flow" : "flows"} ${names}; remove it from them first`, {
      details: { flows: usage, problems: usage.map((flow) => ({ message: `Used by flow "${flow.flowName}"` })) },
    });
  }
  await db.$transaction(async (tx) => {
    // deleteMany: a concurrent delete of the same row is a 404, not a crash.
    const { count } = await tx.credential.deleteMany({ where: { id: credentialId } });
    if (count === 0) throw new AppError("not_found", "Credential not found");
    await recordAudit({
      actor,
      action: "credential.delete",
      target: { type: "credential", id: credentialId },
      details: { name: credential.name, environment: credential.environment, type: credential.type },
      tx,
    });
  });
}
