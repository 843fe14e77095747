/**
 * The secret values this process holds in plaintext right now: decrypted
 * credentials and fetched access tokens, registered for as long as a call
 * uses them. Every redaction (redactString and everything built on it: log
 * lines, step records, stored errors) masks them by value, so a secret is
 * caught even where no field or header name gives it away (R20): a provider
 * echoing the API key in an error body, a token inside a URL path.
 *
 * Reference-counted: two runs using the same credential each hold it, and
 * the first one finishing must not unmask it for the other.
 */
const holders = new Map<string, number>();
let snapshot: readonly string[] | undefined;

/** Registers values for masking; the returned function releases them (calling it twice is harmless). */
export function registerSecrets(values: readonly string[]): () => void {
  const held = values.filter((value) => value !== "");
  for (const value of held) holders.set(value, (holders.get(value) ?? 0) + 1);
  snapshot = undefined;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    for (const value of held) {
      const count = (holders.get(value) ?? 1) - 1;
      if (count > 0) holders.set(value, count);
      else holders.delete(value);
    }
    snapshot = undefined;
  };
}

/** The values registered now, in a stable order (the redactor caches its matcher per list). */
export function knownSecrets(): readonly string[] {
  snapshot ??= [...holders.keys()].sort();
  return snapshot;
}
