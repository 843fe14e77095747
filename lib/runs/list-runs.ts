import { db } from "@/lib/db";
import { buildRunWhere } from "@/lib/runs/build-run-where";
import { decodeRunCursor, encodeRunCursor } from "@/lib/runs/run-cursor";
import type { ListRunsQuery } from "@/lib/runs/schema";

/**
 * Newest first, one page at a time, with what the runs table shows. Keyset
 * pagination on (createdAt desc, id desc): a deep page costs what the first
 * does, and runs arriving meanwhile neither shift nor repeat rows. No total:
 * counting a million rows per page is the cost keyset paging avoids
 * (countRunsByStatus gives the per-status counts instead).
 */
export async function listRuns({ cursor, pageSize, ...filter }: ListRunsQuery) {
  const where = await buildRunWhere(filter);
  const after = cursor ? decodeRunCursor(cursor) : null;
  // createdAt <= c first, so the index range starts at the cursor; the tie on createdAt is broken by id.
  const keyset = after ? [{ createdAt: { lte: after.createdAt } }, { OR: [{ createdAt: { lt: after.createdAt } }, { id: { lt: after.id } }] }] : [];
  const rows = await db.run.findMany({
    where: { AND: [where, ...keyset] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true,
      status: true,
      traceId: true,
      failureClass: true,
      connectorKey: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      flow: { select: { id: true, name: true } },
      flowVersion: { select: { number: true } },
      event: { select: { id: true, providerEventId: true, businessKey: true } },
    },
  });
  const runs = rows.slice(0, pageSize);
  const last = runs.at(-1);
  const nextCursor = rows.length > pageSize && last ? encodeRunCursor(last) : null;
  return { runs, nextCursor };
}
