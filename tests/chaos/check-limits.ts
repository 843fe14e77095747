import type { RequestLogEntry, RetryAfterWindow } from "@/tests/support/fake-provider";
import { MAX_DETAILS, traceIdOf, type ChaosObservations, type CheckResult } from "@/tests/chaos/chaos-observations";
import type { BreakerOpenWindow, RecordedRetryAfter } from "@/tests/chaos/watch-connector";

/**
 * A permit is returned when our side sees a call end; the provider notes the
 * closed socket a moment later. Intervals are shortened by this much so that
 * hand-over is not counted as two calls at once.
 */
const HANDOVER_MS = 25;
/**
 * Worker rows and provider log read the same system clock in different
 * ways (Date vs performance.timeOrigin + now()); a few ms of disagreement.
 */
const CLOCK_SKEW_MS = 20;
/**
 * The engine admits by its own clock and the provider notes the start a
 * moment later, so a second's worth of starts is counted over a slightly
 * shorter span.
 */
const SECOND_SPAN_MS = 1_000 - 50;

/**
 * R10/R11 from the provider's observations: in-flight calls and calls per
 * second never above the connector's limits; no call admitted after the engine recorded a Retry-After
 * started inside its window (connector-wide: any business action); none while the breaker was open.
 */
export function checkLimits(observed: ChaosObservations): CheckResult[] {
  const { provider, connectorLimit, connectorPerSecond } = observed;
  const peak = peakInFlight(provider.requestLog);
  const busiest = busiestSecond(provider.requestLog);
  const announced = callsInside(provider.requestLog, provider.retryAfterWindows);
  const admittedInside = callsAdmittedInside(observed, observed.retryAfterWindows);
  const whileOpen = callsAdmittedInside(observed, observed.breakerOpenWindows);
  return [
    {
      label: `max in-flight calls to the connector (limit ${connectorLimit})`,
      group: "limits",
      value: `${peak.count} (raw peak ${provider.maxConcurrency()})`,
      violations: Math.max(0, peak.count - connectorLimit),
      details: peak.count > connectorLimit ? [`${peak.count} calls in flight at ${Math.round(peak.at)}`] : [],
    },
    {
      label: `max calls started in one second (limit ${connectorPerSecond})`,
      group: "limits",
      value: String(busiest.count),
      violations: Math.max(0, busiest.count - connectorPerSecond),
      details: busiest.count > connectorPerSecond ? [`${busiest.count} calls started within ${SECOND_SPAN_MS} ms from ${Math.round(busiest.at)}`] : [],
    },
    {
      label: "calls admitted after a Retry-After was recorded that started inside its window (connector-wide)",
      group: "limits",
      value:
        `${admittedInside.length} of ${provider.requestLog.length} calls; ${observed.retryAfterWindows.length} windows recorded, ${provider.retryAfterWindows.length} announced; ` +
        `${announced.length} calls started inside an announced window (by the provider's clock, counting calls admitted before the 429 reached us)`,
      violations: admittedInside.length,
      details: admittedInside
        .slice(0, MAX_DETAILS)
        .map(({ call, window, admittedAfter }) => `#${call.index} ${call.businessId ?? "?"}: its attempt began ${Math.round(admittedAfter - window.from)} ms after the window (until ${Math.round(window.until - window.from)} ms) was recorded`),
    },
    {
      label: "calls while the connector's breaker was open",
      group: "limits",
      value: `${whileOpen.length}, breaker seen open ${observed.breakerOpenWindows.length} times`,
      violations: whileOpen.length,
      details: whileOpen.slice(0, MAX_DETAILS).map(({ call, window, admittedAfter }) => `#${call.index}: its attempt began ${Math.round(admittedAfter - window.from)} ms after the breaker opened`),
    },
  ];
}

function peakInFlight(requests: readonly RequestLogEntry[]): { count: number; at: number } {
  const events = requests.flatMap((request) => {
    const end = request.end === null ? Number.POSITIVE_INFINITY : Math.max(request.start, request.end - HANDOVER_MS);
    return [
      { at: request.start, delta: 1 },
      { at: end, delta: -1 },
    ];
  });
  // An end and a start at the same instant do not overlap.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let peak = { count: 0, at: 0 };
  for (const event of events) {
    current += event.delta;
    if (current > peak.count) peak = { count: current, at: event.at };
  }
  return peak;
}

function busiestSecond(requests: readonly RequestLogEntry[]): { count: number; at: number } {
  const starts = requests.map((request) => request.start).sort((a, b) => a - b);
  let busiest = { count: 0, at: 0 };
  for (let first = 0, last = 0; last < starts.length; last += 1) {
    while (starts[last]! - starts[first]! >= SECOND_SPAN_MS) first += 1;
    if (last - first + 1 > busiest.count) busiest = { count: last - first + 1, at: starts[first]! };
  }
  return busiest;
}

function callsInside(requests: readonly RequestLogEntry[], windows: readonly RetryAfterWindow[]): { call: RequestLogEntry; window: RetryAfterWindow }[] {
  const found: { call: RequestLogEntry; window: RetryAfterWindow }[] = [];
  for (const call of requests) {
    const window = windows.find((candidate) => call.start > candidate.from && call.start < candidate.until);
    if (window) found.push({ call, window });
  }
  return found;
}

/**
 * R10/R11 judged by what the engine knew: a call already admitted when a 429
 * arrived (or the breaker opened) may still start inside the window, its
 * request on its way, so only a call whose attempt began after the engine
 * recorded the window can break the rule. The attempt's start is the
 * earliest its admission can have been; attempts never recorded (their
 * worker died mid-call) are not judged.
 */
function callsAdmittedInside(observed: ChaosObservations, windows: readonly (RecordedRetryAfter | BreakerOpenWindow)[]) {
  const attemptStarts = new Map(observed.runs.map((run) => [run.traceId, run.call?.attemptStarts ?? []]));
  const found: { call: RequestLogEntry; window: RecordedRetryAfter | BreakerOpenWindow; admittedAfter: number }[] = [];
  for (const call of observed.provider.requestLog) {
    const starts = attemptStarts.get(traceIdOf(call.headers) ?? "") ?? [];
    const admittedAfter = Math.max(...starts.filter((start) => start <= call.start + CLOCK_SKEW_MS));
    const window = windows.find((candidate) => admittedAfter > candidate.from && call.start < candidate.until - CLOCK_SKEW_MS);
    if (window) found.push({ call, window, admittedAfter });
  }
  return found;
}
