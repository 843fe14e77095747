import type { getRunOrThrow } from "@/lib/runs/get-run-or-throw";
import { describeFailure } from "@/components/runs/describe-failure";
import { readWaitSummary } from "@/lib/runs/wait-summary";
import { describeNextAttempt } from "@/components/runs/describe-next-attempt";
import { describeWaits } from "@/components/runs/describe-waits";
import { ExchangeView } from "@/components/runs/exchange-view";
import { FailureLine } from "@/components/runs/failure-line";
import { DateTime } from "@/components/ui/date-time";
import { formatDuration } from "@/components/ui/format-duration";
import { StatusBadge } from "@/components/ui/status-badge";

type Attempt = Awaited<ReturnType<typeof getRunOrThrow>>["steps"][number]["attempts"][number];

export function AttemptItem({ attempt }: { attempt: Attempt }) {
  const failure = describeFailure(attempt.error);
  const waited = describeWaits(readWaitSummary(attempt.waitedBefore), "before-attempt");
  return (
    <li className="rounded-md border border-slate-200 p-3" data-testid={`attempt-${attempt.number}`}>
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <span className="font-medium">Attempt {attempt.number}</span>
        <StatusBadge status={attempt.status} />
        <span className="text-slate-600">{formatDuration(attempt.durationMs)}</span>
        <span className="text-xs text-slate-500">
          <DateTime value={attempt.startedAt} />
        </span>
      </div>
      {waited ? (
        <p className="mb-2 text-sm text-slate-600" data-testid={`attempt-${attempt.number}-waited`}>
          {waited}
        </p>
      ) : null}
      {/* The failure line carries the error class, so the header does not repeat it. */}
      {failure ? (
        <div className="mb-2">
          <FailureLine failure={failure} errorClass={attempt.errorClass} />
        </div>
      ) : null}
      <ExchangeView request={attempt.request} response={attempt.response} />
      {attempt.retryReason ? (
        <p className="mt-2 text-sm text-slate-600" data-testid={`attempt-${attempt.number}-next`}>
          {describeNextAttempt(attempt.retryReason, attempt.retryDelayMs)}
        </p>
      ) : null}
    </li>
  );
}
