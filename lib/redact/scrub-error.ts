import { redactString } from "./redact-string";

/**
 * A copy of an error that is safe to let escape a scope whose secrets are
 * about to be released: message and stack are redacted now, while the
 * values are still known, and nothing else (cause, attached objects) is
 * carried over, because those would be serialised later, unmasked.
 */
export function scrubError(error: unknown): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(redactString(source.message));
  copy.name = source.name;
  copy.stack = source.stack === undefined ? undefined : redactString(source.stack);
  return copy;
}
