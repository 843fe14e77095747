/**
 * Stripe's idempotency rules: the first request with a key stores its body
 * and, once its effect commits, its answer. Afterwards the same key with the
 * same body replays that answer, with a different body is refused (422: a
 * client bug, not a retry), and while the first is still running any request
 * with the key is refused (409) instead of running twice.
 */
export type StoredAnswer = { status: number; body: unknown };

export type IdempotencyDecision =
  | { type: "proceed" }
  | { type: "replay"; answer: StoredAnswer }
  | { type: "in-flight" }
  | { type: "body-mismatch" };

type Entry = { fingerprint: string; answer: StoredAnswer | null };

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;

export function createIdempotencyStore() {
  const entries = new Map<string, Entry>();
  return {
    /** Decides how a request with `key` is answered; "proceed" claims the key until commit() or release(). */
    claim(key: string, body: unknown): IdempotencyDecision {
      const fingerprint = canonicalJson(body);
      const existing = entries.get(key);
      if (existing === undefined) {
        entries.set(key, { fingerprint, answer: null });
        return { type: "proceed" };
      }
      if (existing.answer === null) return { type: "in-flight" };
      if (existing.fingerprint !== fingerprint) return { type: "body-mismatch" };
      return { type: "replay", answer: existing.answer };
    },
    /** The effect happened: from now on the key replays `answer`. */
    commit(key: string, answer: StoredAnswer): void {
      const entry = entries.get(key);
      if (entry !== undefined) entry.answer = answer;
    },
    /** The effect did not happen: the key is free again, as Stripe frees keys of requests that never executed. */
    release(key: string): void {
      if (entries.get(key)?.answer === null) entries.delete(key);
    },
    clear: () => entries.clear(),
  };
}

/** JSON with object keys sorted at every level, so key order is not a difference between bodies. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? "";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((name) => [name, sortKeys(object[name])]),
  );
}
