export type ComputeBackoffDelayOptions = {
  /** 1-based number of the attempt that just failed. */
  attempt: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Uniform in [0, 1); injectable so tests are deterministic. */
  random?: () => number;
};

/**
 * Full jitter (R9): uniform in [0, min(cap, base·2^(attempt-1))]. Full rather
 * than "equal" jitter because many runs failing against the same outage must
 * spread out, not come back in synchronized waves that re-trigger rate limits.
 */
export function computeBackoffDelay({ attempt, baseDelayMs, maxDelayMs, random = Math.random }: ComputeBackoffDelayOptions): number {
  const cap = Math.max(0, maxDelayMs);
  // Clamp the exponent so 2^n stays finite; past 2^52 the cap has long won anyway.
  const exponent = Math.min(Math.max(Math.floor(attempt) - 1, 0), 52);
  const ceiling = Math.min(cap, Math.max(0, baseDelayMs) * 2 ** exponent);
  const unit = Math.min(Math.max(random(), 0), 1);
  return Math.floor(unit * ceiling);
}

const DELTA_SECONDS = /^\d+(\.\d+)?$/;
// IMF-fixdate, RFC 850 and asctime (RFC 9110 §5.6.7); anything else is garbage,
// because Date.parse alone accepts strings like "1" or "soon 2".
const HTTP_DATE =
  /^(?:[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Za-z]+, \d{2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT|[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;

/**
 * Parses a Retry-After value (delta seconds or HTTP-date) into a wait in ms,
 * never negative. Returns null when absent or unparseable so callers fall
 * back to their own backoff instead of waiting on a misread value.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === "") return null;
  if (DELTA_SECONDS.test(text)) {
    const ms = Math.ceil(Number(text) * 1000);
    return Number.isSafeInteger(ms) ? ms : null;
  }
  if (!HTTP_DATE.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
