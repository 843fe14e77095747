import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/api/handle-route";
import { requirePermission } from "@/lib/auth/require-permission";
import { exportAuditCsv } from "@/lib/audit/export-audit-csv";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { auditQuerySchema } from "@/lib/audit/schema";

export const dynamic = "force-dynamic";

/** JSON pages (`limit`, `before`) or, with format=csv, one capped download; `X-Next-Before` continues a capped export. */
export const GET = handleRoute(async (request: Request) => {
  await requirePermission("audit.read", request);
  const { format, ...filter } = auditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  if (format === "json") return NextResponse.json(await listAuditEntries(filter));

  const { csv, nextBefore } = await exportAuditCsv(filter);
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, "-");
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="flowgate-audit-${stamp}Z.csv"`,
      "Cache-Control": "no-store",
      ...(nextBefore ? { "X-Next-Before": nextBefore } : {}),
    },
  });
});
