import { AppError } from "@/lib/errors";
import { getKeyring } from "@/lib/credentials/keyring";
import { credentialSecretSchema, type CredentialSecret } from "@/lib/credentials/schema";
import { openSecret } from "@/lib/credentials/seal-secret";

export type StoredCredential = { id: string; name: string; environment: string; type: string; keyId: string; ciphertext: Uint8Array };

/**
 * Decrypts a row and parses it as its type. Only the call-time reader and
 * updateCredential (which merges blank fields with the stored ones) use it;
 * neither hands the result to a browser.
 */
export function openCredential(row: StoredCredential): CredentialSecret {
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
  return parsed.data;
}
