import { handleRoute } from "@/lib/api/handle-route";
import { flowParamsSchema, parseParams, type FlowParams } from "@/lib/api/params";
import { requirePermission } from "@/lib/auth/require-permission";
import { exportFlow } from "@/lib/flows/export-flow";

export const dynamic = "force-dynamic";

/** The draft as a `flowgate-flow` file download (masked: secrets stay in credentials). */
export const GET = handleRoute(async (request: Request, { params }: FlowParams) => {
  await requirePermission("flows.read", request);
  const { flowId } = parseParams(flowParamsSchema, await params);
  const file = await exportFlow(flowId);
  const slug = file.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "flow";
  return new Response(`${JSON.stringify(file, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}.flowgate.json"`,
      "Cache-Control": "no-store",
    },
  });
});
