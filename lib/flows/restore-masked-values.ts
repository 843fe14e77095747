import { redactValue } from "@/lib/redact/redact-value";
import { MASK } from "@/lib/redact/secret-names";

/**
 * Reads show drafts masked (mask-definitions.ts): a header value or a
 * secret-named field reads "[REDACTED]", a URL's password "…:[REDACTED]@".
 * The editor loads that copy and saves it back, so without this every save
 * would overwrite the real value with the mask. A leaf that equals the
 * masked form of the stored value at the same path keeps the stored value;
 * a leaf the analyst changed, or one at a path the stored draft lacks, is
 * taken as sent. Pure: neither argument is modified.
 */
export function restoreMaskedValues(incoming: unknown, stored: unknown): unknown {
  if (stored === undefined || incoming === stored) return incoming;
  if (isMaskedFormOf(incoming, stored)) return stored;
  if (Array.isArray(incoming)) {
    return incoming.map((item, index) => restoreMaskedValues(item, Array.isArray(stored) ? stored[index] : undefined));
  }
  if (isRecord(incoming)) {
    const storedRecord = isRecord(stored) ? stored : {};
    return Object.fromEntries(Object.entries(incoming).map(([key, value]) => [key, restoreMaskedValues(value, Object.hasOwn(storedRecord, key) ? storedRecord[key] : undefined)]));
  }
  return incoming;
}

// The bare mask replaces a whole value (of any type) under a secret name; a
// string with the mask inside is a stored string with a part masked (a URL's
// password, a "token=…" pair) and is restored only if nothing else changed.
function isMaskedFormOf(incoming: unknown, stored: unknown): boolean {
  if (typeof incoming !== "string" || !incoming.includes(MASK)) return false;
  if (incoming === MASK) return true;
  return typeof stored === "string" && redactValue(stored) === incoming;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
