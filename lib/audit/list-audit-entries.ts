import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditFilter } from "@/lib/audit/schema";

/** One audit row as pages and the API show it; the bigint id travels as a string, which JSON can carry. */
export type AuditEntry = {
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Prisma.JsonValue | null;
};

export type AuditPage = { entries: AuditEntry[]; /** Pass as `before` for the next, older page; null on the last page. */ nextBefore: string | null };

/**
 * Newest first, by id rather than `at`: ids follow insertion order and are
 * unique, so the `before` cursor never skips or repeats a row, even when two
 * rows share a timestamp.
 */
export async function listAuditEntries(filter: AuditFilter): Promise<AuditPage> {
  const rows = await db.auditLog.findMany({ where: buildWhere(filter), orderBy: { id: "desc" }, take: filter.limit + 1 });
  const entries = rows.slice(0, filter.limit).map(({ id, ...row }) => ({ ...row, id: id.toString() }));
  const last = entries.at(-1);
  return { entries, nextBefore: rows.length > filter.limit && last ? last.id : null };
}

function buildWhere({ action, actor, outcome, from, to, before }: AuditFilter): Prisma.AuditLogWhereInput {
  return {
    action,
    outcome,
    // Prisma passes `contains` to ILIKE unescaped; escaped here so "a_b" does not also match "axb".
    actorEmail: actor ? { contains: actor.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" } : undefined,
    at: from || to ? { gte: from, lte: to } : undefined,
    id: before ? { lt: BigInt(before) } : undefined,
  };
}
