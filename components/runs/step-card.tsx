import Link from "next/link";
import type { getRunOrThrow } from "@/lib/runs/get-run-or-throw";
import { closeWaits, readWaitSummary } from "@/lib/runs/wait-summary";
import { AttemptItem } from "@/components/runs/attempt-item";
import { describeFailure } from "@/components/runs/describe-failure";
import { describeWaits, WAIT_REASON_WORDS } from "@/components/runs/describe-waits";
import { FailureLine } from "@/components/runs/failure-line";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { durationBetween, formatDuration } from "@/components/ui/format-duration";
import { JsonBlock } from "@/components/ui/json-block";
import { StatusBadge } from "@/components/ui/status-badge";

type Step = Awaited<ReturnType<typeof getRunOrThrow>>["steps"][number];

// Why a step waits, in the words of the run page.
const WAIT_REASONS: Record<string, string> = {
  ...WAIT_REASON_WORDS,
  backoff: "backoff with jitter",
  operator_retry: "an operator's retry",
};

const summary = "cursor-pointer text-sm font-medium text-slate-700 select-none";

/** canvasHref: this step's node on the flow version the run executed. */
export function StepCard({ step, canvasHref }: { step: Step; canvasHref: string }) {
  // A succeeded step can carry a stale error from an earlier attempt; only show it while it matters.
  const failure = step.status === "failed" || step.status === "waiting_retry" || step.status === "needs_review" ? describeFailure(step.error) : null;
  const waits = describePendingWaits(step);
  return (
    <Card data-testid={`step-${step.nodeId}`} aria-label={`Step ${step.nodeId}`}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-mono font-semibold">{step.nodeId}</span>
        <span className="text-slate-500">{step.kind}</span>
        <StatusBadge status={step.status} />
        <Link href={canvasHref} className="ml-auto text-sm text-sky-700 underline underline-offset-2" data-testid={`step-${step.nodeId}-canvas`}>
          Show on canvas
        </Link>
      </div>

      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-4">
        <dt className="text-slate-500">Attempts</dt>
        <dd>{step.attemptCount}</dd>
        <dt className="text-slate-500">Duration</dt>
        <dd>{formatDuration(durationBetween(step.startedAt, step.finishedAt))}</dd>
        <dt className="text-slate-500">Idempotency key</dt>
        <dd className="col-span-1 font-mono text-xs break-all md:col-span-3">{step.idempotencyKey}</dd>
        {step.externalId ? (
          <>
            <dt className="text-slate-500">External id</dt>
            <dd className="col-span-1 font-mono text-xs break-all md:col-span-3" data-testid={`step-${step.nodeId}-external-id`}>
              {step.externalId}
            </dd>
          </>
        ) : null}
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
      {waits ? (
        <p className="mt-2 text-sm text-slate-600" data-testid={`step-${step.nodeId}-waits`}>
          {waits}
        </p>
      ) : null}

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

// Deferrals not yet followed by an attempt: counted up to now while the step
// still waits, up to its end when it was cancelled or failed while waiting.
function describePendingWaits(step: Step): string | null {
  const pending = readWaitSummary(step.pendingWaits);
  if (!pending) return null;
  const waiting = step.status === "waiting_retry" || step.status === "running";
  return describeWaits(closeWaits(pending, waiting ? new Date() : (step.finishedAt ?? new Date())), waiting ? "so-far" : "before-end");
}
