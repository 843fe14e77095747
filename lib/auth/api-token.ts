import { createHash, randomBytes } from "node:crypto";

export const API_TOKEN_PREFIX = "fgt_";

export function generateApiToken(): { token: string; tokenHash: string; prefix: string } {
  const token = API_TOKEN_PREFIX + randomBytes(24).toString("base64url");
  return { token, tokenHash: hashApiToken(token), prefix: token.slice(0, 8) };
}

// A plain SHA-256 is enough: the token has 192 random bits, so there is
// nothing to brute-force, and a fast hash keeps per-request lookups cheap.
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
