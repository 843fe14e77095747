import { getKeyring } from "@/lib/credentials/keyring";
import type { CredentialSecret } from "@/lib/credentials/schema";
import { secretHint } from "@/lib/credentials/secret-hint";
import { sealSecret } from "@/lib/credentials/seal-secret";

export type SealCredentialOptions = { credentialId: string; secret: CredentialSecret };

/** The columns a saved secret is stored in: the parsed fields sealed under the current master key, and the hint. */
export function sealCredential({ credentialId, secret }: SealCredentialOptions) {
  const { keyId, ciphertext } = sealSecret(JSON.stringify(secret.fields), { credentialId, type: secret.type }, getKeyring());
  return { keyId, ciphertext: new Uint8Array(ciphertext), last4: secretHint(secret) };
}
