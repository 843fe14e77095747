import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { can } from "@/lib/auth/permissions";
import { ENVIRONMENTS } from "@/lib/credentials/schema";
import { loadOrNotFound } from "@/app/(app)/load-or-not-found";
import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";
import { listVersions } from "@/lib/flows/list-versions";
import { buildHookUrl } from "@/components/flows/build-hook-url";
import { countHeldRuns } from "@/lib/flows/count-held-runs";
import { FlowStatusForm } from "@/components/flows/flow-status-form";
import { PublishForm } from "@/components/flows/publish-form";
import { VersionsTable } from "@/components/flows/versions-table";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyableText } from "@/components/ui/copyable-text";
import { draftSummary } from "@/components/flows/draft-summary";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { getPublishedTrigger } from "@/lib/flows/get-published-trigger";
import { listIntakeActivity } from "@/lib/intake/list-intake-activity";
import { SIGNATURE_SCHEME_LABELS } from "@/lib/webhooks/signature-scheme-labels";
import { IntakeActivityTable } from "@/components/flows/intake-activity-table";
import { ManualRunForm } from "@/components/flows/manual-run-form";
import { PollStatus } from "@/components/flows/poll-status";
import { UnsignedWebhooksForm } from "@/components/flows/unsigned-webhooks-form";
import { RetentionForm } from "@/components/flows/retention-form";
import { formatBytes } from "@/components/ui/format-bytes";
import { measureFlowStorage } from "@/lib/retention/measure-flow-storage";
import { publishFlowAction, rollbackFlowAction, setFlowRetentionAction, setFlowStatusAction, setPollCursorAction, setUnsignedWebhooksAction, startManualRunAction } from "./actions";

export const metadata: Metadata = { title: "Flow · Flowgate" };
export const dynamic = "force-dynamic";

type FlowPageProps = { params: Promise<{ flowId: string }> };

export default async function FlowPage({ params }: FlowPageProps) {
  const actor = await requirePagePermission("flows.read");

  const { flowId } = await params;
  const [flow, versions, activity, heldRuns] = await loadOrNotFound(flowId, (id) =>
    Promise.all([getFlowOrThrow(id), listVersions(id), listIntakeActivity(id), countHeldRuns(id)]),
  );
  const trigger = await getPublishedTrigger(flow.publishedVersionId);
  const canPublish = can(actor.role, "flows.publish");
  const signature = trigger?.kind === "webhook-trigger" ? trigger.config.signature : undefined;
  const canSetRetention = can(actor.role, "flows.retention");
  // Summed over every stored payload of the flow: only worth the queries for the admins who see it.
  const storage = canSetRetention ? (await measureFlowStorage({ flowIds: [flow.id] }))[flow.id] : undefined;
  const samplePayload = JSON.stringify(trigger?.kind === "manual-trigger" ? (trigger.config.samplePayload ?? {}) : {}, null, 2);

  return (
    <>
      <PageHeader
        title={flow.name}
        description={
          <span className="flex items-center gap-2">
            <StatusBadge status={flow.status} />
            {flow.publishedVersion ? `Running v${flow.publishedVersion.number} (${flow.publishedVersion.environment})` : "not published"}
          </span>
        }
        actions={
          <>
            <Link href={`/flows/${flow.id}/edit`} className={buttonClasses("primary")}>
              Open editor
            </Link>
            <Link href={`/runs?flowId=${flow.id}`} className={buttonClasses("secondary")}>
              Runs
            </Link>
            {can(actor.role, "flows.pause") ? <FlowStatusForm flowId={flow.id} status={flow.status} whilePaused={flow.whilePaused} heldRuns={heldRuns} action={setFlowStatusAction} /> : null}
          </>
        }
      />

      <div className="space-y-6">
        <Card>
          <h2 className="mb-2 font-semibold">Hook URL</h2>
          <CopyableText value={buildHookUrl(flow.hookKey)} />
          <div className="mt-3 space-y-2 text-sm" data-testid="signature-policy">
            {signature ? (
              <p>
                Signature check: {SIGNATURE_SCHEME_LABELS[signature.scheme].label}, secret <code>{signature.credentialRef}</code>.
                {SIGNATURE_SCHEME_LABELS[signature.scheme].warning ? <span className="block text-amber-700">{SIGNATURE_SCHEME_LABELS[signature.scheme].warning}</span> : null}
              </p>
            ) : flow.unsignedWebhooksAllowed ? (
              <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-800" role="alert">
                Unsigned webhooks are allowed for this flow: anyone who learns the hook URL can start runs.
              </p>
            ) : (
              <p className="text-slate-600">Unsigned webhooks are refused (401). Choose a signature scheme on the trigger, or an admin can allow unsigned webhooks for this flow.</p>
            )}
            {can(actor.role, "flows.allow-unsigned") ? (
              <UnsignedWebhooksForm flowId={flow.id} allowed={flow.unsignedWebhooksAllowed} action={setUnsignedWebhooksAction} />
            ) : null}
          </div>
        </Card>

        {trigger?.kind === "schedule-trigger" ? (
          <PollStatus flowId={flow.id} cursorAction={trigger.config.poll && can(actor.role, "flows.pause") ? setPollCursorAction : undefined} />
        ) : null}

        <Card>
          <h2 className="mb-2 font-semibold">Recent events</h2>
          <p className="mb-3 text-slate-600">What reached this flow: accepted events and their runs, redeliveries answered with an earlier run, and refused requests by reason.</p>
          <IntakeActivityTable activity={activity} />
        </Card>

        {flow.publishedVersion && can(actor.role, "runs.trigger") ? (
          <Card>
            <h2 className="mb-2 font-semibold">Start a run</h2>
            <p className="mb-3 text-slate-600">Runs the published version with this payload, as if the trigger had delivered it. Recorded in the audit log.</p>
            <ManualRunForm flowId={flow.id} samplePayload={samplePayload} action={startManualRunAction} />
          </Card>
        ) : null}

        {canPublish ? (
          <Card>
            <h2 className="mb-2 font-semibold">Publish the draft</h2>
            <p className="mb-3 text-slate-600">The draft is validated and frozen as the next version; new events run on it.</p>
            <PublishForm flowId={flow.id} environments={ENVIRONMENTS} action={publishFlowAction} />
          </Card>
        ) : null}

        <Card>
          <h2 className="mb-2 font-semibold">Versions</h2>
          {canPublish ? (
            <p className="mb-3 text-slate-600">Rolling back publishes a copy of an older version as the next number, so run history only ever counts up.</p>
          ) : null}
          <VersionsTable
            flowId={flow.id}
            versions={versions}
            publishedVersionId={flow.publishedVersionId}
            rollbackAction={canPublish ? rollbackFlowAction : undefined}
          />
        </Card>

        {canSetRetention && storage ? (
          <Card>
            <h2 className="mb-2 font-semibold">Retention</h2>
            <p className="mb-1 text-sm" data-testid="flow-storage">
              Stored payloads: {formatBytes(storage.bytes)} in {storage.runs.toLocaleString("en-US")} runs
            </p>
            <p className="mb-3 text-slate-600">
              A daily job clears the payloads (event body and headers, step inputs and outputs, requests and responses) of finished runs older than the first window, and deletes finished runs older than the second. Status, errors, timings and idempotency keys stay until the run is deleted; a purged run can no longer be retried or replayed.
            </p>
            <RetentionForm flowId={flow.id} bodyRetentionDays={flow.bodyRetentionDays} runRetentionDays={flow.runRetentionDays} action={setFlowRetentionAction} />
          </Card>
        ) : null}

        <Card>
          <h2 className="mb-2 font-semibold">Draft</h2>
          <p className="mb-3 text-slate-600" data-testid="draft-summary">
            {draftSummary(flow.draft)}, revision {flow.draftRevision}. The draft is edited on the canvas and autosaved; publishing freezes it as the next version.
          </p>
          <Link href={`/flows/${flow.id}/edit`} className={buttonClasses("primary")}>
            Open editor
          </Link>
        </Card>
      </div>
    </>
  );
}
