import { normalizeKey } from "@/lib/webhooks/extract-event-keys";

/**
 * A dedup expression's result as a key: scalars as text, objects and lists
 * as their JSON, long ones hashed like intake keys. Null when there is
 * nothing to deduplicate by (undefined, null, an empty string).
 */
export function toDedupKey(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "boolean") return String(value);
  return normalizeKey(typeof value === "object" ? JSON.stringify(value) : value);
}
