import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { MASK_SELECT, maskCredentials } from "@/lib/credentials/mask-credentials";
import type { CreateCredentialInput, CredentialMask } from "@/lib/credentials/schema";
import { sealCredential } from "@/lib/credentials/seal-credential";

export type CreateCredentialOptions = CreateCredentialInput & { actor: NonNullable<AuditActor> };

/** Seals a new credential and records who made it, in one transaction; answers with its mask only. */
export async function createCredential({ actor, name, environment, secret, allowedHosts }: CreateCredentialOptions): Promise<CredentialMask> {
  // The id exists before sealing: the ciphertext is bound to it (seal-secret.ts).
  const id = randomUUID();
  const sealed = sealCredential({ credentialId: id, secret });
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.credential.create({
        data: { id, name, environment, type: secret.type, ...sealed, allowedHosts, createdById: actor.userId, updatedById: actor.userId },
        select: MASK_SELECT,
      });
      await recordAudit({ actor, action: "credential.create", target: { type: "credential", id }, details: { name, environment, type: secret.type, allowedHosts }, tx });
      return created;
    });
    const [mask] = await maskCredentials([row]);
    return mask!;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", `A ${environment} credential named "${name}" already exists`);
    throw error;
  }
}
