import type { ChaosObservations } from "@/tests/chaos/chaos-observations";
import { describeFailureCauses } from "@/tests/chaos/check-failures";
import { countViolations, type CheckedResult } from "@/tests/chaos/check-invariants";

/** The chaos report: what was done to the system, what it did, and each invariant with its count. */
export function formatReport(observed: ChaosObservations, results: readonly CheckedResult[], reproduce: string): string {
  const { plan, delivery, provider, runs, kills } = observed;
  const count = (status: string) => runs.filter((run) => run.status === status).length;
  const faults = new Map<string, number>();
  for (const entry of provider.requestLog) if (entry.fault) faults.set(entry.fault, (faults.get(entry.fault) ?? 0) + 1);
  const afterCreate = kills.filter((kill) => kill.reason === "after-create");
  // The kill landed between the effect and our commit when the step had to call again with the same key.
  const forcedRepeat = afterCreate.filter((kill) => provider.requestLog.some((entry) => entry.key === kill.key && entry.start > kill.at)).length;
  const records = [...provider.ledger.values()].reduce((sum, entry) => sum + entry.recordsCreated.length, 0);
  const violations = countViolations(results);
  const pending = results.filter((result) => result.pending && result.violations > 0);

  const lines = [
    `Flowgate chaos report: seed ${observed.seed}, ${plan.orders} orders, ${(observed.durationMs / 1000).toFixed(1)} s`,
    "",
    "What was done",
    row("events sent", `${plan.deliveries} deliveries: ${plan.orders} orders, ${plan.versioned} second versions (newer first), ${plan.redeliveries} redeliveries`),
    row("accepted (2xx)", `${delivery.accepted}, of which answered as duplicate ${delivery.answeredDuplicate}`),
    row("intake 503/429 retried by the sender", `${delivery.refusedAndRetried}; unexpected errors ${delivery.unexpectedErrors}${delivery.lastUnexpectedError ? ` (last: ${delivery.lastUnexpectedError})` : ""}`),
    row("worker kills (SIGKILL)", `${kills.length}: ${kills.length - afterCreate.length} timed, ${afterCreate.length} right after a create answer (${forcedRepeat} of them before the step commit; ${observed.killPicked} answers picked, ${observed.killOwnerNotFound} with the sender gone)`),
    row("worker processes started", String(observed.workersStarted)),
    row("PostgreSQL restarts", String(observed.pgRestarts)),
    row("provider calls", `${provider.requestLog.length}, faults injected ${[...faults.values()].reduce((a, b) => a + b, 0)}: ${[...faults.entries()].sort().map(([type, n]) => `${type} ${n}`).join(", ")}`),
    row("Retry-After windows announced", String(provider.retryAfterWindows.length)),
    "",
    "What came out",
    row("succeeded", String(count("succeeded"))),
    row("failed (class code)", `${count("failed")}${count("failed") ? `: ${describeFailureCauses(runs, "failed")}` : ""}`),
    row("needs_review", `${count("needs_review")}${count("needs_review") ? `: ${describeFailureCauses(runs, "needs_review")}` : ""}`),
    row("skipped", `stale ${count("skipped_stale")}, duplicate ${count("skipped_duplicate")}`),
    row("cancelled", String(count("cancelled"))),
    row("records at the provider", `${records} for ${provider.ledger.size} business ids`),
    row("failed although the record exists", describeFailedButDone(observed)),
    "",
    "Invariants",
    ...results.flatMap((result) => [
      `  ${mark(result).padEnd(9)} ${result.label}: ${result.value}`,
      ...(result.violations > 0 ? result.details.map((detail) => `              ${detail}`) : []),
    ]),
    "",
    violations === 0
      ? `RESULT: clean${pending.length ? ` (pending, not enforced: ${pending.map((result) => result.label).join("; ")})` : ""}`
      : `RESULT: ${violations} violation(s). Reproduce with: ${reproduce}`,
  ];
  return lines.join("\n");
}

function row(label: string, value: string): string {
  return `  ${label.padEnd(38)} ${value}`;
}

function mark(result: CheckedResult): string {
  if (result.violations === 0) return "ok";
  return result.pending ? "PENDING" : "VIOLATION";
}

/**
 * Business actions whose record exists at the provider while no run of theirs
 * succeeded: the effect happened, yet the run shows failed. Not one of the
 * invariants (a replay with the same key heals it), but the signature of a
 * retryable answer taken for a permanent one.
 */
function describeFailedButDone({ provider, runs }: ChaosObservations): string {
  const succeeded = new Set(runs.filter((run) => run.status === "succeeded").map((run) => run.businessKey));
  const failed = runs.filter((run) => run.status === "failed" && run.businessKey !== null && !succeeded.has(run.businessKey) && (provider.ledger.get(run.businessKey)?.recordsCreated.length ?? 0) > 0);
  return failed.length === 0 ? "0" : `${failed.length}: ${describeFailureCauses(failed, "failed")} (${failed.slice(0, 3).map((run) => run.businessKey).join(", ")})`;
}
