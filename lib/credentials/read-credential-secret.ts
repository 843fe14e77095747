import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getKeyring } from "@/lib/credentials/keyring";
import { CREDENTIAL_SECRET_FIELDS, credentialSecretSchema, type CredentialSecret, type Environment } from "@/lib/credentials/schema";
import { openSecret } from "@/lib/credentials/seal-secret";

export type ReadCredentialSecretOptions = { name: string; environment: Environment };

/**
 * The one place plaintext leaves the vault: the worker, at call time (R21).
 * Callers must register its secret values for value-based masking
 * before using them (see secretValuesOf).
 */
export async function readCredentialSecret({ name, environment }: ReadCredentialSecretOptions): Promise<CredentialSecret & { id: string }> {
  const row = await db.credential.findUnique({
    where: { name_environment: { name, environment } },
    omit: { ciphertext: false },
  });
  if (!row) throw new AppError("not_found", `No ${environment} credential named "${name}"`);
  const plaintext = openSecret({ keyId: row.keyId, ciphertext: Buffer.from(row.ciphertext) }, { credentialId: row.id, type: row.type }, getKeyring());
  const parsed = credentialSecretSchema.safeParse({ type: row.type, fields: JSON.parse(plaintext) as unknown });
  // The message must not echo zod's view of the fields: they are secrets.
  if (!parsed.success) throw new AppError("internal", `Credential "${name}" (${environment}) does not match its type ${row.type}`);
  return { id: row.id, ...parsed.data };
}

/** The secret values of a credential, for value-based masking while it is in use. */
export function secretValuesOf(secret: CredentialSecret): string[] {
  const fields = secret.fields as Record<string, unknown>;
  return CREDENTIAL_SECRET_FIELDS[secret.type].map((name) => fields[name]).filter((value): value is string => typeof value === "string" && value !== "");
}
