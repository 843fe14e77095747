import type { getRunOrThrow } from "@/lib/runs/get-run-or-throw";
import { AttemptItem } from "@/components/runs/attempt-item";
import { describeFailure } from "@/components/runs/describe-failure";
import { FailureLine } from "@/components/runs/failure-line";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { durationBetween, formatDuration } from "@/components/ui/format-duration";
import { JsonBlock } from "@/components/ui/json-block";
import { StatusBadge } from "@/components/ui/status-badge";

type Step = Awaited<ReturnType<typeof getRunOrThrow>>["steps"][number];

// Why a step waits, in the words of the run page.
const WAIT_REASONS: Record<string, string> = {
  backoff: "backoff with jitter",
  retry_after: "the target's Retry-After",
  breaker_open: "the connector's circuit breaker is open",
  connector_limit: "the connector's call limit",
  entity_order: "an earlier event for the same record",
  operator_retry: "an operator's retry",
};

const summary = "cursor-pointer text-sm font-medium text-slate-700 select-none";

export function StepCard({ step }: { step: Step }) {
  // A succeeded step can carry a stale error from an earlier attempt; only show it while it matters.
  const failure = step.status === "failed" || step.status === "waiting_retry" || step.status === "needs_review" ? describeFailure(step.error) : null;
  return (
    <Card data-testid={`step-${step.nodeId}`} aria-label={`Step ${step.nodeId}`}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-mono font-semibold">{step.nodeId}</span>
        <span className="text-slate-500">{step.kind}</span>
        <StatusBadge status={step.status} />
      </div>

      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-4">
        <dt className="text-slate-500">Attempts</dt>
        <dd>{step.attemptCount}</dd>
        <dt className="text-slate-500">Duration</dt>
        <dd>{formatDuration(durationBetween(step.startedAt, step.finishedAt))}</dd>
        <dt className="text-slate-500">Idempotency key</dt>
        <dd className="col-span-1 font-mono text-xs break-all md:col-span-3">{step.idempotencyKey}</dd>
        {step.status === "waiting_retry" ? (
          <>
            <dt className="text-slate-500">Next attempt</dt>
            <dd className="md:col-span-3">
              <DateTime value={step.nextAttemptAt} />
              {step.waitReason ? <span className="ml-2 text-slate-500">({WAIT_REASONS[step.waitReason] ?? step.waitReason})</span> : null}
            </dd>
          </>
        ) : null}
      </dl>

      {failure ? (
        <div className="mt-3">
          <FailureLine failure={failure} errorClass={step.errorClass} />
        </div>
      ) : null}

      <div className="mt-3 space-y-2">
        <details>
          <summary className={summary}>Input</summary>
          <div className="mt-2">
            <JsonBlock value={step.input} />
          </div>
        </details>
        <details>
          <summary className={summary}>Output</summary>
          <div className="mt-2">
            <JsonBlock value={step.output} />
          </div>
        </details>
        <details>
          <summary className={summary}>Attempts ({step.attempts.length})</summary>
          {step.attempts.length === 0 ? (
            <p className="mt-2 text-slate-500">No attempts recorded.</p>
          ) : (
            <ol className="mt-2 space-y-2">
              {step.attempts.map((attempt) => (
                <AttemptItem key={attempt.id} attempt={attempt} />
              ))}
            </ol>
          )}
        </details>
      </div>
    </Card>
  );
}
