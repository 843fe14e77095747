import { sha256Hex } from "@/lib/dedup/sha256-hex";

/** Same limit as intake keys (lib/webhooks/extract-event-keys.ts): longer ones are stored as their hash. */
const MAX_KEY_LENGTH = 200;

/**
 * A dedup key from a value: scalars as text, objects and lists as their
 * JSON, long ones hashed like intake keys. Null when there is nothing to
 * deduplicate by (undefined, null, an empty string, a function). Imports
 * nothing server-only, so the editor's preview computes the same key.
 */
export function toDedupKey(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (!["string", "number", "bigint", "boolean", "object"].includes(typeof value)) return null;
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.length <= MAX_KEY_LENGTH ? text : `sha256:${sha256Hex(text)}`;
}
