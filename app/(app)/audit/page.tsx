import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { AUDIT_EXPORT_MAX_ROWS } from "@/lib/audit/export-audit-csv";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { auditCsvHref, auditPageHref } from "@/components/audit/audit-href";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { parseAuditQuery } from "@/components/audit/parse-audit-query";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Audit · Flowgate" };
export const dynamic = "force-dynamic";

type AuditPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: AuditPageProps) {
  await requirePagePermission("audit.read");

  const { filter, params } = parseAuditQuery(await searchParams);
  const { entries, nextBefore } = await listAuditEntries(filter);

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Who did what, newest first. Times are UTC. The CSV holds the ${AUDIT_EXPORT_MAX_ROWS.toLocaleString("en-US")} newest entries that match.`}
        actions={
          <a href={auditCsvHref(params)} className={buttonClasses("secondary")} download>
            Download CSV
          </a>
        }
      />
      <div className="mb-4">
        <AuditFilters params={params} />
      </div>
      <AuditTable entries={entries} />
      <nav aria-label="Pagination" className="mt-4 flex items-center justify-end gap-2">
        {filter.before ? (
          <Link href={auditPageHref(params)} className={buttonClasses("secondary")}>
            Newest
          </Link>
        ) : null}
        {nextBefore ? (
          <Link href={auditPageHref(params, nextBefore)} className={buttonClasses("secondary")} rel="next">
            Older
          </Link>
        ) : null}
      </nav>
    </>
  );
}
