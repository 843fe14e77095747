import type { Fault } from "./faults";

/**
 * What the provider saw, for asserting on the client's behaviour rather than
 * its own account of it: per business id, the idempotency keys and records
 * (at most one of each is the contract, R6), and per request its start and end
 * on one monotonic clock (ms since the epoch), to measure concurrency (R11,
 * R12) and requests inside an announced Retry-After window (R10).
 */
export type RequestLogEntry = {
  /** Arrival order among API requests (token requests are not counted). */
  index: number;
  method: string;
  path: string;
  key: string | null;
  /** The request's headers (lower-case names), e.g. to join a request to the run that sent it by its traceparent. */
  headers: Record<string, string>;
  /** The client's TCP port: which process sent it (a chaos test kills exactly that one). */
  clientPort: number | null;
  /** Null when unknown: reset before its body was read, or carrying neither a business id nor a key. */
  businessId: string | null;
  start: number;
  /** When the response finished or the connection closed; null while it is in flight. */
  end: number | null;
  fault: Fault["type"] | null;
  outcome: string;
};

export type LedgerEntry = { businessId: string; idempotencyKeys: Set<string>; recordsCreated: string[]; requests: RequestLogEntry[] };

export type RetryAfterWindow = { from: number; until: number };

export type LedgerViolations = {
  /** Business ids for which more than one record was created. */
  duplicateRecords: { businessId: string; recordIds: string[] }[];
  /** Business ids that arrived under more than one idempotency key. */
  multipleKeys: { businessId: string; keys: string[] }[];
};

export type Ledger = ReturnType<typeof createLedger>;

/** Epoch milliseconds with sub-millisecond resolution that never steps backwards. */
export const now = (): number => performance.timeOrigin + performance.now();

export function createLedger() {
  const ledger = new Map<string, LedgerEntry>();
  const requestLog: RequestLogEntry[] = [];
  const retryAfterWindows: RetryAfterWindow[] = [];
  const open = new Set<RequestLogEntry>();
  let inFlightPeak = 0;

  return {
    ledger,
    requestLog,
    retryAfterWindows,
    get inFlight() {
      return open.size;
    },
    get inFlightPeak() {
      return inFlightPeak;
    },
    begin(request: { method: string; path: string; key: string | null; headers: Record<string, string>; clientPort: number | null }): RequestLogEntry {
      const entry: RequestLogEntry = { index: requestLog.length, ...request, businessId: null, start: now(), end: null, fault: null, outcome: "pending" };
      requestLog.push(entry);
      open.add(entry);
      inFlightPeak = Math.max(inFlightPeak, open.size);
      return entry;
    },
    end(entry: RequestLogEntry): void {
      entry.end ??= now();
      open.delete(entry);
    },
    identify(entry: RequestLogEntry, businessId: string | null): void {
      entry.businessId = businessId;
      if (businessId === null) return;
      const record = ledger.get(businessId) ?? { businessId, idempotencyKeys: new Set<string>(), recordsCreated: [], requests: [] };
      ledger.set(businessId, record);
      record.requests.push(entry);
      if (entry.key !== null) record.idempotencyKeys.add(entry.key);
    },
    recordCreated(entry: RequestLogEntry, recordId: string): void {
      if (entry.businessId !== null) ledger.get(entry.businessId)?.recordsCreated.push(recordId);
    },
    announceRetryAfter(waitMs: number): void {
      const from = now();
      retryAfterWindows.push({ from, until: from + waitMs });
    },
    /** The most requests in flight at one instant, from the start/end intervals. */
    maxConcurrency: () => maxOverlap(requestLog),
    /** Whether two requests for `businessId` were ever in flight at the same time. */
    overlapsFor: (businessId: string) => maxOverlap(ledger.get(businessId)?.requests ?? []) > 1,
    violations(): LedgerViolations {
      const entries = [...ledger.values()];
      return {
        duplicateRecords: entries.filter((entry) => entry.recordsCreated.length > 1).map((entry) => ({ businessId: entry.businessId, recordIds: [...entry.recordsCreated] })),
        multipleKeys: entries.filter((entry) => entry.idempotencyKeys.size > 1).map((entry) => ({ businessId: entry.businessId, keys: [...entry.idempotencyKeys] })),
      };
    },
    /** Requests that started after `window` was announced and before it ended: a client obeying Retry-After sends none. */
    requestsDuring: (window: RetryAfterWindow) => requestLog.filter((entry) => entry.start > window.from && entry.start < window.until),
    clear(): void {
      ledger.clear();
      requestLog.length = 0;
      retryAfterWindows.length = 0;
      open.clear();
      inFlightPeak = 0;
    },
  };
}

/** Sweeps the intervals; an end and a start at the same instant do not overlap. */
function maxOverlap(entries: readonly RequestLogEntry[]): number {
  const events = entries.flatMap((entry) => [
    { at: entry.start, delta: 1 },
    { at: entry.end ?? Number.POSITIVE_INFINITY, delta: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let peak = 0;
  for (const event of events) {
    current += event.delta;
    peak = Math.max(peak, current);
  }
  return peak;
}
