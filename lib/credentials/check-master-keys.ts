import { env } from "@/lib/env.mjs";
import { parseKeyring } from "@/lib/credentials/keyring";

export type CheckMasterKeysOptions = { spec?: string; production?: boolean };

/**
 * The startup check of the web server (instrumentation.ts) and the worker:
 * a malformed FLOWGATE_MASTER_KEYS stops either process, and so does a
 * missing one in production, where running without a vault would only fail
 * later, on the first credential. Messages name the variable and key ids,
 * never key material. Returns the key ids, current first (null: no vault).
 */
export function checkMasterKeys({ spec = env.FLOWGATE_MASTER_KEYS, production = env.NODE_ENV === "production" }: CheckMasterKeysOptions = {}): string[] | null {
  if (!spec) {
    if (production) throw new Error("FLOWGATE_MASTER_KEYS is not set: production needs the credential master key(s) (see README, \"Credential vault\")");
    return null;
  }
  return [...parseKeyring(spec).byId.keys()];
}
