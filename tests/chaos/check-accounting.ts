import { MAX_DETAILS, type ChaosObservations, type CheckResult } from "@/tests/chaos/chaos-observations";

/**
 * R16 nothing silently dropped: every delivery intake acknowledged is an
 * event (or a counted duplicate of one), and at rest every event has exactly
 * one visible outcome. Also R14: a run still in flight at the end is stuck.
 */
export function checkAccounting(observed: ChaosObservations): CheckResult[] {
  const { accounting, delivery, quiescence } = observed;
  const identity: CheckResult = accounting
    ? {
        label: "R16 received = succeeded + failed + duplicates + stale + cancelled + needs_review",
        group: "core",
        value:
          `${accounting.received} = ${accounting.succeeded} + ${accounting.failed} + ${accounting.duplicateDeliveries + accounting.skippedDuplicate} + ` +
          `${accounting.skippedStale} + ${accounting.cancelled} + ${accounting.needsReview} (in flight ${accounting.inFlight}, without run ${accounting.withoutRun})`,
        violations: accounting.holds ? 0 : 1,
        details: accounting.holds ? [] : ["the identity does not hold at rest"],
      }
    : { label: "R16 accounting identity", group: "core", value: "no events stored", violations: 1, details: ["the flow has no events at all"] };

  const stored = accounting?.received ?? 0;
  const events = accounting?.events ?? 0;
  // A refused delivery may still have been stored (the commit's answer lost in
  // the restart); its retry then counts as a duplicate. So the database may hold
  // more deliveries than were acknowledged, up to the refused ones, never fewer.
  const lost = Math.max(0, delivery.accepted - stored);
  const phantom = Math.max(0, stored - delivery.accepted - delivery.refusedAndRetried - delivery.unexpectedErrors);
  const eventsDiffer = Math.abs(delivery.eventIds.size - events);
  const acked: CheckResult = {
    label: "acknowledged deliveries stored (events + counted duplicates)",
    group: "core",
    value: `${delivery.accepted} acknowledged, ${stored} stored; ${delivery.eventIds.size} event ids acknowledged, ${events} events`,
    violations: lost + phantom + eventsDiffer,
    details: [
      ...(lost ? [`${lost} acknowledged deliveries are not in the database (R1)`] : []),
      ...(phantom ? [`${phantom} stored deliveries were never sent`] : []),
      ...(eventsDiffer ? [`${delivery.eventIds.size} distinct event ids acknowledged but ${events} events stored (R4)`] : []),
    ],
  };

  const stuck: CheckResult = {
    label: "runs stuck after the last delivery (R14)",
    group: "core",
    value: quiescence.atRest ? `0 (at rest after ${(quiescence.waitedMs / 1000).toFixed(1)} s)` : `${accounting?.inFlight ?? "?"} still in flight after ${(quiescence.waitedMs / 1000).toFixed(0)} s`,
    violations: quiescence.atRest ? 0 : Math.max(1, accounting?.inFlight ?? 1),
    details: quiescence.stuck.slice(0, MAX_DETAILS).map((run) => `run ${run.runId} ${run.status}: ${run.steps}`),
  };

  const crashed: CheckResult = {
    label: "worker processes that died on their own (R15)",
    group: "core",
    value: String(observed.workersDiedOnTheirOwn.length),
    violations: observed.workersDiedOnTheirOwn.length,
    details: observed.workersDiedOnTheirOwn.slice(0, MAX_DETAILS).map((exit) => `pid ${exit.pid} exited with code ${exit.code} signal ${exit.signal}`),
  };
  return [identity, acked, stuck, crashed];
}
