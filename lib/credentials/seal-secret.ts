import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Keyring } from "@/lib/credentials/keyring";

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** What a ciphertext is bound to: opening it under any other id, type or key fails. */
export type SealBinding = { credentialId: string; type: string };
export type Sealed = { keyId: string; ciphertext: Buffer };

// Versioned so the binding's layout can change without ambiguity.
function associatedData(binding: SealBinding, keyId: string): Buffer {
  return Buffer.from(JSON.stringify(["flowgate.credential.v1", binding.credentialId, binding.type, keyId]), "utf8");
}

/**
 * AES-256-GCM with a fresh random 96-bit nonce per call (R21). The stored
 * form is nonce || ciphertext || tag; the key id travels beside it.
 */
export function sealSecret(plaintext: string, binding: SealBinding, keyring: Keyring): Sealed {
  const { id, key } = keyring.current;
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(binding, id));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { keyId: id, ciphertext: Buffer.concat([nonce, body, cipher.getAuthTag()]) };
}

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealError";
  }
}

/**
 * Opens a sealed secret, or throws SealError: unknown key id, truncated
 * input, tampered bytes and a wrong binding all fail loudly (GCM's tag),
 * never returning garbage. Messages name the credential, never its content.
 */
export function openSecret(sealed: Sealed, binding: SealBinding, keyring: Keyring): string {
  const master = keyring.byId.get(sealed.keyId);
  if (!master) throw new SealError(`Credential ${binding.credentialId} is sealed with key "${sealed.keyId}", which is not in FLOWGATE_MASTER_KEYS`);
  const bytes = Buffer.from(sealed.ciphertext);
  if (bytes.length < NONCE_BYTES + TAG_BYTES) throw new SealError(`Credential ${binding.credentialId} has a truncated ciphertext`);
  const decipher = createDecipheriv("aes-256-gcm", master.key, bytes.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(binding, sealed.keyId));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new SealError(`Credential ${binding.credentialId} failed authentication: tampered, or bound to another record`);
  }
}
