import type { RequestLogEntry, RetryAfterWindow } from "@/tests/support/fake-provider";
import { MAX_DETAILS, type ChaosObservations, type CheckResult } from "@/tests/chaos/chaos-observations";

/**
 * A permit is returned when our side sees a call end; the provider notes the
 * closed socket a moment later. Intervals are shortened by this much so that
 * hand-over is not counted as two calls at once.
 */
const HANDOVER_MS = 25;
/**
 * A Retry-After binds from the moment the client has read it. A call admitted
 * just before (its answer was still on the wire) may start this long after
 * the provider announced the window without breaking R10.
 */
const ANNOUNCE_GRACE_MS = 250;
/**
 * The engine admits by its own clock and the provider notes the start a
 * moment later, so a second's worth of starts is counted over a slightly
 * shorter span.
 */
const SECOND_SPAN_MS = 1_000 - 50;

/**
 * R10/R11 from the provider's observations: in-flight calls and calls per
 * second never above the connector's limits; no call started inside an announced Retry-After window
 * (connector-wide: any business action) or while the breaker was open.
 */
export function checkLimits(observed: ChaosObservations): CheckResult[] {
  const { provider, connectorLimit, connectorPerSecond } = observed;
  const peak = peakInFlight(provider.requestLog);
  const busiest = busiestSecond(provider.requestLog);
  const inWindows = callsInside(provider.requestLog, provider.retryAfterWindows);
  const whileOpen = callsInside(provider.requestLog, observed.breakerOpenWindows);
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
      label: "calls inside a Retry-After window (connector-wide)",
      group: "limits",
      value: `${inWindows.length} of ${provider.requestLog.length} calls, ${provider.retryAfterWindows.length} windows announced`,
      violations: inWindows.length,
      details: inWindows.slice(0, MAX_DETAILS).map(({ call, window }) => `#${call.index} ${call.businessId ?? "?"} started ${Math.round(call.start - window.from)} ms into a ${Math.round(window.until - window.from)} ms window`),
    },
    {
      label: "calls while the connector's breaker was open",
      group: "limits",
      value: `${whileOpen.length}, breaker seen open ${observed.breakerOpenWindows.length} times`,
      violations: whileOpen.length,
      details: whileOpen.slice(0, MAX_DETAILS).map(({ call, window }) => `#${call.index} started ${Math.round(call.start - window.from)} ms after the breaker opened`),
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
    const window = windows.find((candidate) => call.start > candidate.from + ANNOUNCE_GRACE_MS && call.start < candidate.until);
    if (window) found.push({ call, window });
  }
  return found;
}
