import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { listFlows } from "@/lib/flows/list-flows";
import { buildHookUrl } from "@/components/flows/build-hook-url";
import { FlowsTable } from "@/components/flows/flows-table";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Flows · Flowgate" };
export const dynamic = "force-dynamic";

export default async function FlowsPage() {
  await requirePagePermission("flows.read");

  const flows = await listFlows();
  const rows = flows.map((flow) => ({
    id: flow.id,
    name: flow.name,
    status: flow.status,
    hookUrl: buildHookUrl(flow.hookKey),
    publishedNumber: flow.publishedVersion?.number ?? null,
    runCount: flow._count.runs,
  }));
  return (
    <>
      <PageHeader title="Flows" description="Each flow has its own hook URL; providers post events there." />
      <FlowsTable flows={rows} />
    </>
  );
}
