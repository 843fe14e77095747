import { CREDENTIAL_SECRET_FIELDS, type CredentialSecret } from "@/lib/credentials/schema";

const HINT_CHARS = 4;
// Four characters of an eight-character secret is half of it; below this
// length the mask shows no characters at all.
const MIN_LENGTH_FOR_HINT = 12;

/**
 * The last characters of the credential's main (first) secret field, stored
 * as Credential.last4 so people can tell two keys apart without seeing them.
 * Empty when the secret is too short to give any of it away.
 */
export function secretHint(secret: CredentialSecret): string {
  const [main] = CREDENTIAL_SECRET_FIELDS[secret.type];
  const value = (secret.fields as Record<string, unknown>)[main];
  return typeof value === "string" && value.length >= MIN_LENGTH_FOR_HINT ? value.slice(-HINT_CHARS) : "";
}
