import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { loadOrNotFound } from "@/app/(app)/load-or-not-found";
import { getRunOrThrow } from "@/lib/runs/get-run-or-throw";
import { EventDetails } from "@/components/runs/event-details";
import { RunSummary } from "@/components/runs/run-summary";
import { StepCard } from "@/components/runs/step-card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";

export const metadata: Metadata = { title: "Run · Flowgate" };
export const dynamic = "force-dynamic";

type RunPageProps = { params: Promise<{ runId: string }> };

export default async function RunPage({ params }: RunPageProps) {
  await requirePagePermission("runs.read");

  const { runId } = await params;
  const run = await loadOrNotFound(runId, getRunOrThrow);

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
          <Link href={`/runs?flowId=${run.flow.id}`} className="text-slate-600 underline underline-offset-2">
            All runs of this flow
          </Link>
        }
      />
      <div className="space-y-4">
        <RunSummary run={run} />
        <h2 className="pt-2 font-semibold">Steps</h2>
        {run.steps.length === 0 ? <p className="text-slate-600">No steps have run yet.</p> : null}
        {run.steps.map((step) => (
          <StepCard key={step.id} step={step} />
        ))}
        <EventDetails event={run.event} />
      </div>
    </>
  );
}
