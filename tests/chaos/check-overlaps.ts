import type { RequestLogEntry } from "@/tests/support/fake-provider";
import { MAX_DETAILS, traceIdOf, type ChaosObservations, type CheckResult } from "@/tests/chaos/chaos-observations";

type Overlap = { businessId: string; first: RequestLogEntry; second: RequestLogEntry };

/**
 * Two calls for one business action in flight at the same time, from the
 * provider's timestamps. Within one run that is two attempts of one step at
 * once: a lease was broken (R14). Across runs of the same business key it is
 * the order per entity that was broken (R12).
 */
export function checkOverlaps({ provider }: ChaosObservations): CheckResult[] {
  const sameRun: Overlap[] = [];
  const acrossRuns: Overlap[] = [];
  for (const entry of provider.ledger.values()) {
    const requests = [...entry.requests].sort((a, b) => a.start - b.start);
    for (let index = 0; index < requests.length; index += 1) {
      const first = requests[index]!;
      for (const second of requests.slice(index + 1)) {
        if (second.start >= (first.end ?? Number.POSITIVE_INFINITY)) break;
        const overlap = { businessId: entry.businessId, first, second };
        (traceIdOf(first.headers) === traceIdOf(second.headers) ? sameRun : acrossRuns).push(overlap);
      }
    }
  }
  const describe = ({ businessId, first, second }: Overlap) =>
    `${businessId}: #${first.index} [${first.fault ?? "ok"} → ${first.outcome}] ran ${Math.round(first.start)}–${Math.round(first.end ?? NaN)}, ` +
    `#${second.index} [${second.fault ?? "ok"} → ${second.outcome}] started ${Math.round(second.start)} (runs ${traceIdOf(first.headers)?.slice(0, 8)}/${traceIdOf(second.headers)?.slice(0, 8)})`;
  const ids = (overlaps: Overlap[]) => new Set(overlaps.map((overlap) => overlap.businessId)).size;
  return [
    {
      label: "overlapping attempts of the same step (one run; R14 lease)",
      group: "core",
      value: `${ids(sameRun)} business ids, ${sameRun.length} pairs`,
      violations: sameRun.length,
      details: sameRun.slice(0, MAX_DETAILS).map(describe),
    },
    {
      label: "overlapping calls for one business key from different runs (R12 order)",
      group: "ordering",
      value: `${ids(acrossRuns)} business ids, ${acrossRuns.length} pairs`,
      violations: acrossRuns.length,
      details: acrossRuns.slice(0, MAX_DETAILS).map(describe),
    },
  ];
}
