import type { RunAccounting } from "@/lib/runs/check-run-accounting";
import type { FakeProvider } from "@/tests/support/fake-provider";
import type { PendingGroup } from "@/tests/chaos/chaos-options";
import type { KillRecord } from "@/tests/chaos/kill-workers";
import type { DeliveryPlan } from "@/tests/chaos/plan-deliveries";
import type { Quiescence } from "@/tests/chaos/wait-for-quiescence";
import type { DeliveryStats } from "@/tests/chaos/send-deliveries";
import type { BreakerOpenWindow, RecordedRetryAfter } from "@/tests/chaos/watch-connector";

/** One run as the checks need it: its event, outcome and how its call step ended. */
export type ObservedRun = {
  id: string;
  traceId: string;
  status: string;
  eventId: string;
  providerEventId: string | null;
  businessKey: string | null;
  /** The run's stored error ({ class, code, message, … }), if any. */
  error: unknown;
  statusReason: string | null;
  /** The call step, when the run got that far. */
  call: { status: string; errorClass: string | null; error: unknown; attempts: number; attemptStarts: number[] } | null;
  /** For a run failed by the dead-letter handler: its pg-boss jobs, in order, with state and retry count. */
  jobs: string | null;
};

/** Everything a chaos run saw, from both sides: the provider's ledger and our database. */
export type ChaosObservations = {
  seed: number;
  plan: DeliveryPlan;
  delivery: DeliveryStats;
  provider: FakeProvider;
  runs: ObservedRun[];
  accounting: RunAccounting | undefined;
  quiescence: Quiescence;
  kills: KillRecord[];
  /** Create answers chosen for a kill whose sending worker could not be identified. */
  killOwnerNotFound: number;
  killPicked: number;
  workersStarted: number;
  workersDiedOnTheirOwn: { pid: number; code: number | null; signal: string | null }[];
  pgRestarts: number;
  connectorLimit: number;
  connectorPerSecond: number;
  breakerOpenWindows: BreakerOpenWindow[];
  /** Retry-After windows as the engine recorded them (the provider's own are in provider.retryAfterWindows). */
  retryAfterWindows: RecordedRetryAfter[];
  pending: PendingGroup[];
  durationMs: number;
};

/** Which rule a check judges; "core" is always enforced, the others can be reported as pending. */
export type CheckGroup = "core" | PendingGroup;

export type CheckResult = {
  /** The report line's label. */
  label: string;
  group: CheckGroup;
  /** What was measured, printed after the label. */
  value: string;
  /** 0 when the invariant holds. */
  violations: number;
  /** Examples of what broke it, a few at most. */
  details: string[];
};

export const MAX_DETAILS = 5;

/** The run id a request came from, read from the traceparent header our http-request node sends. */
export function traceIdOf(headers: Record<string, string>): string | null {
  return headers.traceparent?.split("-")[1] ?? null;
}
