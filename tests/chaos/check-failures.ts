import { CHAOS_MAX_ATTEMPTS } from "@/tests/chaos/build-chaos-flow";
import { MAX_DETAILS, type ChaosObservations, type CheckResult, type ObservedRun } from "@/tests/chaos/chaos-observations";

/** Classes the chaos flow's retry policy retries (the default retryOn). */
const RETRIED_CLASSES = new Set(["temporary", "ambiguous"]);
/** 4xx answers R8 treats as temporary; every other 4xx is permanent. */
const TEMPORARY_4XX = new Set([408, 425, 429]);

type StoredError = { class?: unknown; code?: unknown; message?: unknown; nodeId?: unknown };

/**
 * R8/R18 failures are visible: a failed or needs-review run carries its
 * class and last error, and so does the step that failed; and every business
 * action whose last answer from the provider was a permanent refusal ended as
 * a failed run of class permanent (not retried, not lost, not "succeeded").
 * And the converse: a retryable failure ends a run only once the step's
 * attempts are used up (the chaos flow's time budget is never reached).
 */
export function checkFailures({ runs, provider }: ChaosObservations): CheckResult[] {
  const givenUp = runs.filter(
    (run) =>
      (run.status === "failed" || run.status === "needs_review") &&
      RETRIED_CLASSES.has(String((run.error as StoredError | null)?.class)) &&
      (run.call?.attempts ?? 0) < CHAOS_MAX_ATTEMPTS,
  );
  const unexplained = runs.filter((run) => (run.status === "failed" || run.status === "needs_review") && !isExplained(run));

  const failedPermanent = new Map<string, ObservedRun[]>();
  for (const run of runs) {
    if (run.status !== "failed" || (run.error as StoredError | null)?.class !== "permanent" || run.businessKey === null) continue;
    failedPermanent.set(run.businessKey, [...(failedPermanent.get(run.businessKey) ?? []), run]);
  }
  const refused: string[] = [];
  const notShown: string[] = [];
  for (const entry of provider.ledger.values()) {
    const last = [...entry.requests].sort((a, b) => a.start - b.start).at(-1);
    const status = Number(/^(\d{3})\b/.exec(last?.outcome ?? "")?.[1]);
    if (!(status >= 400 && status < 500) || TEMPORARY_4XX.has(status)) continue;
    refused.push(entry.businessId);
    const shown = failedPermanent.get(entry.businessId)?.some((run) => (run.error as StoredError).code === `http_${status}`);
    if (!shown) notShown.push(`${entry.businessId}: last answer ${status} (${last?.fault ?? "no fault"}), runs ${describeRuns(runs, entry.businessId)}`);
  }
  return [
    {
      label: "failed / needs_review runs without class and last error",
      group: "core",
      value: `${unexplained.length} of ${runs.filter((run) => run.status === "failed" || run.status === "needs_review").length}`,
      violations: unexplained.length,
      details: unexplained.slice(0, MAX_DETAILS).map((run) => `run ${run.id} ${run.status}: error ${JSON.stringify(run.error)}, call step ${JSON.stringify(run.call)}`),
    },
    {
      label: `runs given up with attempts left (retryable class, fewer than ${CHAOS_MAX_ATTEMPTS} attempts)`,
      group: "core",
      value: String(givenUp.length),
      violations: givenUp.length,
      details: givenUp.slice(0, MAX_DETAILS).map((run) => `run ${run.id} (${run.providerEventId}) ${run.status} after ${run.call?.attempts ?? 0} attempts: ${JSON.stringify(run.error)}${run.jobs ? `; jobs: ${run.jobs}` : ""}`),
    },
    {
      label: "permanent refusals not shown as a failed run of class permanent",
      group: "core",
      value: `${notShown.length} of ${refused.length} business ids whose last answer was a permanent 4xx`,
      violations: notShown.length,
      details: notShown.slice(0, MAX_DETAILS),
    },
  ];
}

function isExplained(run: ObservedRun): boolean {
  const error = run.error as StoredError | null;
  if (typeof error?.class !== "string" || typeof error.message !== "string" || error.message === "") return false;
  // A failure raised by a step must also be on that step, with the attempt that made it.
  if (error.nodeId === undefined || run.call === null || error.nodeId !== "create") return true;
  return run.call.errorClass === error.class && run.call.error !== null && run.call.attempts > 0;
}

function describeRuns(runs: readonly ObservedRun[], businessKey: string): string {
  return runs
    .filter((run) => run.businessKey === businessKey)
    .map((run) => `${run.providerEventId}=${run.status}${run.error ? `(${(run.error as StoredError).class}/${(run.error as StoredError).code})` : ""}`)
    .join(", ");
}

/** "permanent http_422 ×3, ambiguous timeout_after_send ×1": what the failed runs died of. */
export function describeFailureCauses(runs: readonly ObservedRun[], status: string): string {
  const counts = new Map<string, number>();
  for (const run of runs) {
    if (run.status !== status) continue;
    const error = run.error as StoredError | null;
    const cause = `${String(error?.class ?? "?")} ${String(error?.code ?? "?")}`;
    counts.set(cause, (counts.get(cause) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([cause, count]) => `${cause} ×${count}`)
    .join(", ");
}
