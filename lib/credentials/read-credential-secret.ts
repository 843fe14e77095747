import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { openCredential, type StoredCredential } from "@/lib/credentials/open-credential";
import { CREDENTIAL_SECRET_FIELDS, type CredentialSecret, type Environment } from "@/lib/credentials/schema";

export type ReadCredentialSecretOptions = { name: string; environment: Environment };

/** A decrypted credential with the id its cache entries and audit rows refer to. */
export type StoredCredentialSecret = CredentialSecret & { id: string; name: string; environment: Environment; allowedHosts: string[] };

/**
 * The one place plaintext leaves the vault: the worker, at call time (R21).
 * Callers must register its secret values for value-based masking
 * before using them (see secretValuesOf).
 */
export async function readCredentialSecret({ name, environment }: ReadCredentialSecretOptions): Promise<StoredCredentialSecret> {
  const row = await db.credential.findUnique({
    where: { name_environment: { name, environment } },
    omit: { ciphertext: false },
  });
  if (!row) throw new AppError("not_found", `No ${environment} credential named "${name}"`);
  return openStored(row);
}

/** The same, by id: "Test connection" on a credential's page knows the record, not a flow's reference. */
export async function readCredentialSecretById(id: string): Promise<StoredCredentialSecret> {
  const row = await db.credential.findUnique({ where: { id }, omit: { ciphertext: false } });
  if (!row) throw new AppError("not_found", "Credential not found");
  return openStored(row);
}

// Both readers answer the same shape: the record's identity and hosts beside its opened fields.
function openStored(row: StoredCredential & { environment: Environment; allowedHosts: string[] }): StoredCredentialSecret {
  return { id: row.id, name: row.name, environment: row.environment, allowedHosts: row.allowedHosts, ...openCredential(row) };
}

/** The secret values of a credential, for value-based masking while it is in use. */
export function secretValuesOf(secret: CredentialSecret): string[] {
  const fields = secret.fields as Record<string, unknown>;
  return CREDENTIAL_SECRET_FIELDS[secret.type].map((name) => fields[name]).filter((value): value is string => typeof value === "string" && value !== "");
}
