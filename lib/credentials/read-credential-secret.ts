import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getKeyring } from "@/lib/credentials/keyring";
import { CREDENTIAL_SECRET_FIELDS, credentialSecretSchema, type CredentialSecret, type Environment } from "@/lib/credentials/schema";
import { openSecret } from "@/lib/credentials/seal-secret";

export type ReadCredentialSecretOptions = { name: string; environment: Environment };

/** A decrypted credential with the id its cache entries and audit rows refer to. */
export type StoredCredentialSecret = CredentialSecret & { id: string; name: string; environment: Environment };

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
  return openRow(row);
}

/** The same, by id: "Test connection" on a credential's page knows the record, not a flow's reference. */
export async function readCredentialSecretById(id: string): Promise<StoredCredentialSecret> {
  const row = await db.credential.findUnique({ where: { id }, omit: { ciphertext: false } });
  if (!row) throw new AppError("not_found", "Credential not found");
  return openRow(row);
}

type SealedRow = { id: string; name: string; type: string; environment: Environment; keyId: string; ciphertext: Uint8Array };

function openRow(row: SealedRow): StoredCredentialSecret {
  const plaintext = openSecret({ keyId: row.keyId, ciphertext: Buffer.from(row.ciphertext) }, { credentialId: row.id, type: row.type }, getKeyring());
  // Neither message may echo the content: JSON.parse quotes the text it
  // choked on, and zod's issues quote the fields, and both are secrets.
  const mismatch = () => new AppError("internal", `Credential "${row.name}" (${row.environment}) does not match its type ${row.type}`);
  let fields: unknown;
  try {
    fields = JSON.parse(plaintext);
  } catch {
    throw mismatch();
  }
  const parsed = credentialSecretSchema.safeParse({ type: row.type, fields });
  if (!parsed.success) throw mismatch();
  return { id: row.id, name: row.name, environment: row.environment, ...parsed.data };
}

/** The secret values of a credential, for value-based masking while it is in use. */
export function secretValuesOf(secret: CredentialSecret): string[] {
  const fields = secret.fields as Record<string, unknown>;
  return CREDENTIAL_SECRET_FIELDS[secret.type].map((name) => fields[name]).filter((value): value is string => typeof value === "string" && value !== "");
}
