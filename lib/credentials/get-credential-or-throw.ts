import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { MASK_SELECT, maskCredentials } from "@/lib/credentials/mask-credentials";
import type { CredentialMask } from "@/lib/credentials/schema";

export async function getCredentialOrThrow(credentialId: string): Promise<CredentialMask> {
  const row = await db.credential.findUnique({ where: { id: credentialId }, select: MASK_SELECT });
  if (!row) throw new AppError("not_found", "Credential not found");
  const [mask] = await maskCredentials([row]);
  return mask!;
}
