import { createHash } from "node:crypto";
import type { IdempotencyKeyFormat } from "@/lib/runs/idempotency-key-formats";

export { IDEMPOTENCY_KEY_FORMATS, type IdempotencyKeyFormat } from "@/lib/runs/idempotency-key-formats";

/**
 * The step's key in the shape the target accepts. Most take any token;
 * some demand a UUID for their idempotency field (MoySklad's `syncId`), so
 * the same key is turned into a name-based UUID (RFC 9562 version 5 layout):
 * deterministic, so every retry and replay still sends the same value (R6).
 */
export function formatIdempotencyKey(key: string, format: IdempotencyKeyFormat): string {
  if (format === "token") return key;
  const bytes = createHash("sha1").update(`flowgate:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
