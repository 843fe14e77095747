import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { can } from "@/lib/auth/permissions";
import { ENVIRONMENTS } from "@/lib/credentials/schema";
import { loadOrNotFound } from "@/app/(app)/load-or-not-found";
import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";
import { listVersions } from "@/lib/flows/list-versions";
import { buildHookUrl } from "@/components/flows/build-hook-url";
import { FlowStatusForm } from "@/components/flows/flow-status-form";
import { PublishForm } from "@/components/flows/publish-form";
import { VersionsTable } from "@/components/flows/versions-table";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyableText } from "@/components/ui/copyable-text";
import { maskDefinitions } from "@/lib/flows/mask-definitions";
import { JsonBlock } from "@/components/ui/json-block";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { publishFlowAction, rollbackFlowAction, setFlowStatusAction } from "./actions";

export const metadata: Metadata = { title: "Flow · Flowgate" };
export const dynamic = "force-dynamic";

type FlowPageProps = { params: Promise<{ flowId: string }> };

export default async function FlowPage({ params }: FlowPageProps) {
  const actor = await requirePagePermission("flows.read");

  const { flowId } = await params;
  const [flow, versions] = await loadOrNotFound(flowId, (id) => Promise.all([getFlowOrThrow(id), listVersions(id)]));
  const canPublish = can(actor.role, "flows.publish");

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
            <Link href={`/runs?flowId=${flow.id}`} className={buttonClasses("secondary")}>
              Runs
            </Link>
            {can(actor.role, "flows.pause") ? <FlowStatusForm flowId={flow.id} status={flow.status} action={setFlowStatusAction} /> : null}
          </>
        }
      />

      <div className="space-y-6">
        <Card>
          <h2 className="mb-2 font-semibold">Hook URL</h2>
          <CopyableText value={buildHookUrl(flow.hookKey)} />
        </Card>

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

        <Card>
          <h2 className="mb-2 font-semibold">Draft definition</h2>
          <p className="mb-3 text-slate-600">Read-only for now; the visual editor will edit this.</p>
          {/* Masked: until the credential vault lands, header values in a draft may be secrets. */}
          <JsonBlock value={maskDefinitions(flow).draft} />
        </Card>
      </div>
    </>
  );
}
