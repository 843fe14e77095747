import Link from "next/link";
import type { ReactNode } from "react";
import type { getRunOrThrow } from "@/lib/runs/get-run-or-throw";
import { editorHref } from "@/components/flows/editor-href";
import { explainFailure } from "@/lib/runs/explain-failure";
import { describeFailure } from "@/components/runs/describe-failure";
import { FailureLine } from "@/components/runs/failure-line";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { durationBetween, formatDuration } from "@/components/ui/format-duration";

type Run = Awaited<ReturnType<typeof getRunOrThrow>>;

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="break-all">{children}</dd>
    </div>
  );
}

export function RunSummary({ run }: { run: Run }) {
  const failure = describeFailure(run.error);
  const stopped = run.status === "failed" || run.status === "needs_review";
  const explanation =
    failure && stopped
      ? explainFailure({
          failureClass: failure.class,
          code: failure.code,
          idempotencyKey: run.steps.find((step) => step.nodeId === failure.nodeId)?.idempotencyKey ?? null,
          needsReview: run.status === "needs_review",
        })
      : null;
  return (
    <Card>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Item label="Flow">
          <Link href={`/flows/${run.flow.id}`} className="underline underline-offset-2">
            {run.flow.name}
          </Link>{" "}
          <Link href={editorHref(run.flow.id, { version: run.flowVersion.number, node: focusNodeOf(run, failure?.nodeId) })} className="underline underline-offset-2" data-testid="run-version-link" title="Open this version on the canvas">
            v{run.flowVersion.number}
          </Link>
        </Item>
        <Item label="Trace id">
          <code className="font-mono text-xs">{run.traceId}</code>
        </Item>
        <Item label="Event id">
          <code className="font-mono text-xs">{run.event.providerEventId ?? "—"}</code>
        </Item>
        <Item label="Business key">
          <code className="font-mono text-xs">{run.event.businessKey ?? "—"}</code>
          {run.event.entityVersion === null ? null : <span className="text-xs text-slate-500"> @ {run.event.entityVersion}</span>}
        </Item>
        <Item label="Received">
          <DateTime value={run.event.receivedAt} />
        </Item>
        <Item label="Started">
          <DateTime value={run.startedAt} />
        </Item>
        <Item label="Finished">
          <DateTime value={run.finishedAt} />
        </Item>
        <Item label="Duration">{formatDuration(durationBetween(run.startedAt, run.finishedAt))}</Item>
      </dl>
      {run.held ? (
        <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-800" data-testid="run-held">
          Held since <DateTime value={run.held.heldAt} />: the flow was paused when this event arrived. The run starts when the flow is resumed.
        </p>
      ) : null}
      {run.statusReason ? (
        // Why it ended (or waits) this way: "duplicate of run X" links to the run that did the business action (R13).
        <p className="mt-4 text-sm text-slate-700" data-testid="run-status-reason">
          {run.statusReason}
          {run.duplicateOfRunId ? (
            <>
              {" "}
              (
              <Link href={`/runs/${run.duplicateOfRunId}`} className="underline underline-offset-2">
                open run {run.duplicateOfRunId.slice(0, 8)}
              </Link>
              )
            </>
          ) : null}
        </p>
      ) : null}
      {failure ? (
        <div className="mt-4" data-testid="run-error">
          <FailureLine failure={failure} />
          {failure.nodeId ? <p className="mt-1 text-xs text-slate-500">at step <code className="font-mono">{failure.nodeId}</code></p> : null}
          {explanation ? (
            <div className="mt-3 space-y-1 text-sm text-slate-700" data-testid="failure-explanation">
              <p>{explanation.meaning}</p>
              <p>
                <span className="font-medium">What a retry does: </span>
                {explanation.retry}
              </p>
            </div>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

// The step an operator opens the canvas for: where the run failed, else the one it stopped or waits at.
function focusNodeOf(run: Run, failedNodeId: string | undefined): string | undefined {
  return failedNodeId ?? run.steps.find((step) => step.status !== "succeeded" && step.status !== "skipped")?.nodeId;
}
