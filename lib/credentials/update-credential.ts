import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { MASK_SELECT, maskCredentials } from "@/lib/credentials/mask-credentials";
import { openCredential, type StoredCredential } from "@/lib/credentials/open-credential";
import {
  allowedHostsProblem,
  CREDENTIAL_FIELD_SCHEMAS,
  CREDENTIAL_SECRET_FIELDS,
  parseCredentialSecret,
  withoutBlankFields,
  type CredentialMask,
  type CredentialType,
  type UpdateCredentialInput,
} from "@/lib/credentials/schema";
import { sealCredential } from "@/lib/credentials/seal-credential";
import { SealError } from "@/lib/credentials/seal-secret";

export type UpdateCredentialOptions = UpdateCredentialInput & { actor: NonNullable<AuditActor>; credentialId: string };

/**
 * Changes some fields of a credential and/or replaces its allowed hosts.
 * Blank fields keep their stored values, so the form never needs (or shows)
 * the old secret, and a new host list needs no secret re-entered. A new
 * secret value is audited as credential.rotate, any other change as
 * credential.update; the audit names the fields, never their values, and
 * gives the host lists before and after (hosts are not secret).
 */
export async function updateCredential({ actor, credentialId, fields, clear, allowedHosts }: UpdateCredentialOptions): Promise<CredentialMask> {
  const row = await db.$transaction(async (tx) => {
    // Locked for the read-merge-write, so two concurrent edits of different
    // fields cannot overwrite each other; key rotation skips a row whose
    // ciphertext changed under it (rotate-keys.ts).
    await tx.$queryRaw`SELECT 1 FROM "Credential" WHERE id = ${credentialId}::uuid FOR UPDATE`;
    const stored = await tx.credential.findUnique({ where: { id: credentialId }, omit: { ciphertext: false } });
    if (!stored) throw new AppError("not_found", "Credential not found");
    const current = openOrReplace(stored, fields);

    const known = Object.keys(CREDENTIAL_FIELD_SCHEMAS[current.type].shape);
    const unknown = [...Object.keys(fields), ...clear].filter((name) => !known.includes(name));
    if (unknown.length) {
      throw new AppError("validation_failed", `A ${current.type} credential has no field ${unknown.join(", ")}`, {
        details: { problems: unknown.map((name) => ({ message: `fields.${name}: unknown field`, path: `fields.${name}` })) },
      });
    }
    const merged: Record<string, unknown> = { ...current.fields, ...withoutBlankFields(fields) };
    for (const name of clear) delete merged[name];
    const next = parseCredentialSecret(current.type, merged);
    if (!next.success) throw next.error;

    const before = current.fields as Record<string, unknown>;
    const after = next.data.fields as Record<string, unknown>;
    const changed = known.filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
    // Checked only when the list changes, so a credential from before allowed hosts can still have its secret replaced.
    const hostsChanged = allowedHosts !== undefined && JSON.stringify(allowedHosts) !== JSON.stringify(stored.allowedHosts);
    const hostsProblem = hostsChanged ? allowedHostsProblem(current.type, allowedHosts) : undefined;
    if (hostsProblem) {
      throw new AppError("validation_failed", `allowedHosts: ${hostsProblem}`, { details: { problems: [{ message: `allowedHosts: ${hostsProblem}`, path: "allowedHosts" }] } });
    }
    if (changed.length === 0 && !hostsChanged) return tx.credential.findUniqueOrThrow({ where: { id: credentialId }, select: MASK_SELECT });

    const secretFields: readonly string[] = CREDENTIAL_SECRET_FIELDS[current.type];
    const updated = await tx.credential.update({
      where: { id: credentialId },
      data: {
        // Resealed on a host-only edit too: key rotation skips a row edited under it, trusting the edit to have sealed it with the current key.
        ...sealCredential({ credentialId, secret: next.data }),
        ...(hostsChanged ? { allowedHosts } : {}),
        updatedById: actor.userId,
      },
      select: MASK_SELECT,
    });
    await recordAudit({
      actor,
      action: changed.some((name) => secretFields.includes(name)) ? "credential.rotate" : "credential.update",
      target: { type: "credential", id: credentialId },
      details: {
        name: stored.name,
        environment: stored.environment,
        fields: changed,
        ...(hostsChanged ? { allowedHosts: { before: stored.allowedHosts, after: allowedHosts } } : {}),
      },
      tx,
    });
    return updated;
  });
  const [mask] = await maskCredentials([row]);
  return mask!;
}

/**
 * The stored fields to merge with. A row that no configured key opens (its
 * key was removed before rotation reached it) cannot be merged, but it can
 * still be repaired: when the edit supplies every field, that replaces it.
 */
function openOrReplace(stored: StoredCredential, fields: Record<string, string>): { type: CredentialType; fields: Record<string, unknown> } {
  try {
    return openCredential(stored);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    const replacement = parseCredentialSecret(stored.type as CredentialType, withoutBlankFields(fields));
    if (replacement.success) return { type: replacement.data.type, fields: {} };
    throw new AppError("conflict", `Credential "${stored.name}" can no longer be opened (its master key is not configured): enter every field to replace it, or delete it`);
  }
}
