import type { Metadata } from "next";
import Link from "next/link";
import { actorCan } from "@/lib/auth/actor-can";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { loadOrNotFound } from "@/app/(app)/load-or-not-found";
import { getRunOrThrow } from "@/lib/runs/get-run-or-throw";
import { planReplay } from "@/lib/runs/plan-replay";
import { EventDetails } from "@/components/runs/event-details";
import { RunActions } from "@/components/runs/run-actions";
import { RunSummary } from "@/components/runs/run-summary";
import { StepCard } from "@/components/runs/step-card";
import { editorHref } from "@/components/flows/editor-href";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";

export const metadata: Metadata = { title: "Run · Flowgate" };
export const dynamic = "force-dynamic";

type RunPageProps = { params: Promise<{ runId: string }> };

export default async function RunPage({ params }: RunPageProps) {
  const actor = await requirePagePermission("runs.read");

  const { runId } = await params;
  const run = await loadOrNotFound(runId, getRunOrThrow);
  const replayPlan = await planReplay(run.id);
  const allowed = { retry: actorCan(actor, "runs.retry"), replay: actorCan(actor, "runs.replay"), cancel: actorCan(actor, "runs.cancel") };

  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            Run <code className="font-mono text-base">{run.id.slice(0, 8)}</code>
            <span data-testid="run-status">
              <StatusBadge status={run.status} />
            </span>
          </span>
        }
        actions={
          <div className="flex items-start gap-4">
            <Link href={`/runs?flowId=${run.flow.id}`} className="pt-1.5 text-slate-600 underline underline-offset-2">
              All runs of this flow
            </Link>
            <RunActions runId={run.id} status={run.status} allowed={allowed} replayPlan={replayPlan} />
          </div>
        }
      />
      <div className="space-y-4">
        <RunSummary run={run} />
        {run.replayOfRunId ? (
          <p className="text-sm text-slate-600" data-testid="replay-of">
            Replay of run{" "}
            <Link href={`/runs/${run.replayOfRunId}`} className="font-mono underline underline-offset-2">
              {run.replayOfRunId.slice(0, 8)}
            </Link>
          </p>
        ) : null}
        {run.retryCount > 0 ? <p className="text-sm text-slate-600">Retried {run.retryCount === 1 ? "once" : `${run.retryCount} times`} by an operator; see the audit log for who and when.</p> : null}
        {run.bodiesPurgedAt ? (
          <p className="text-sm text-slate-600" data-testid="bodies-purged">
            Payloads purged after {run.flow.bodyRetentionDays} days (retention) on {run.bodiesPurgedAt.toISOString().slice(0, 10)}: steps keep their status, error and timings, not their inputs, outputs, requests or responses. This run can no longer be retried.
          </p>
        ) : null}
        <h2 className="pt-2 font-semibold">Steps</h2>
        {run.steps.length === 0 ? <p className="text-slate-600">No steps have run yet.</p> : null}
        {run.steps.map((step) => (
          <StepCard key={step.id} step={step} canvasHref={editorHref(run.flow.id, { version: run.flowVersion.number, node: step.nodeId })} />
        ))}
        <EventDetails event={run.event} bodyRetentionDays={run.flow.bodyRetentionDays} />
      </div>
    </>
  );
}
