import { env } from "@/lib/env.mjs";
import { AppError } from "@/lib/errors";

export type MasterKey = { id: string; key: Buffer };
export type Keyring = { current: MasterKey; byId: ReadonlyMap<string, MasterKey> };

const KEY_BYTES = 32;

/**
 * Parses `keyId:base64key[,keyId:base64key…]`. The first key encrypts; every
 * key decrypts, so a new key can be put first and old rows re-encrypted
 * (npm run keys:rotate) before the old key is removed.
 */
export function parseKeyring(spec: string): Keyring {
  const keys = spec.split(",").map((entry, index) => {
    const [id, encoded, ...rest] = entry.trim().split(":");
    if (!id || !encoded || rest.length) throw new Error(`FLOWGATE_MASTER_KEYS entry ${index + 1} must be keyId:base64key`);
    const key = Buffer.from(encoded, encoded.includes("-") || encoded.includes("_") ? "base64url" : "base64");
    if (key.length !== KEY_BYTES) throw new Error(`FLOWGATE_MASTER_KEYS key "${id}" must be ${KEY_BYTES} bytes, got ${key.length}`);
    return { id, key };
  });
  const byId = new Map<string, MasterKey>();
  for (const key of keys) {
    if (byId.has(key.id)) throw new Error(`FLOWGATE_MASTER_KEYS lists key id "${key.id}" twice`);
    byId.set(key.id, key);
  }
  return { current: keys[0]!, byId };
}

let cached: { spec: string; keyring: Keyring } | undefined;

/** The configured keyring; an unconfigured vault is a clear 503, not a crash or a plaintext fallback. */
export function getKeyring(): Keyring {
  const spec = env.FLOWGATE_MASTER_KEYS;
  if (!spec) throw new AppError("unavailable", "The credential vault has no master key: set FLOWGATE_MASTER_KEYS (npm start generates a local one)");
  if (cached?.spec !== spec) cached = { spec, keyring: parseKeyring(spec) };
  return cached.keyring;
}
