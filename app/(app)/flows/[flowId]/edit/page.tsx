import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { can } from "@/lib/auth/permissions";
import { ENVIRONMENTS } from "@/lib/credentials/schema";
import { listCredentials } from "@/lib/credentials/list-credentials";
import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";
import { listVersions } from "@/lib/flows/list-versions";
import { maskDefinitions } from "@/lib/flows/mask-definitions";
import { resolveEditorLink } from "@/lib/flows/resolve-editor-link";
import { draftDefinitionSchema } from "@/lib/flows/schema";
import { loadOrNotFound } from "@/app/(app)/load-or-not-found";
import { buildHookUrl } from "@/components/flows/build-hook-url";
import { FlowEditor } from "@/components/flow-editor/flow-editor";

export const metadata: Metadata = { title: "Edit flow · Flowgate" };
export const dynamic = "force-dynamic";

type EditFlowPageProps = { params: Promise<{ flowId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The canvas. Everyone who may read flows sees it; only flows.write may change the draft.
 * `?version=3&node=x` (links from a run) opens that version read-only with the node selected.
 */
export default async function EditFlowPage({ params, searchParams }: EditFlowPageProps) {
  const actor = await requirePagePermission("flows.read");
  const { flowId } = await params;
  const [flow, versions] = await loadOrNotFound(flowId, (id) => Promise.all([getFlowOrThrow(id), listVersions(id)]));
  // Names and types only: the credential picker never needs more, and secrets never reach the browser (R21).
  const credentials = can(actor.role, "credentials.read")
    ? (await listCredentials()).map(({ name, type, environment }) => ({ name, type, environment }))
    : [];
  // Masked like the API's answer (R20); saving a masked value back keeps the stored one.
  const masked = maskDefinitions(flow);
  const draft = draftDefinitionSchema.parse(masked.draft);
  const opened = await resolveEditorLink({ flowId: flow.id, draft, searchParams: await searchParams });

  return (
    <FlowEditor
      flow={{
        id: flow.id,
        name: flow.name,
        draft,
        draftRevision: flow.draftRevision,
        editorSample: masked.editorSample ?? null,
        publishedVersionId: flow.publishedVersionId,
        unsignedWebhooksAllowed: flow.unsignedWebhooksAllowed,
      }}
      versions={versions.map((version) => ({ ...version, createdAt: version.createdAt.toISOString() }))}
      credentials={credentials}
      opened={opened}
      hookUrl={buildHookUrl(flow.hookKey)}
      environments={ENVIRONMENTS}
      permissions={{ canWrite: can(actor.role, "flows.write"), canPublish: can(actor.role, "flows.publish"), canDryRun: can(actor.role, "flows.dryrun") }}
    />
  );
}
