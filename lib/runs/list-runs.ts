import { db } from "@/lib/db";
import type { ListRunsQuery } from "@/lib/runs/schema";

/** Newest first, one page at a time, with what the runs table shows. */
export async function listRuns({ flowId, status, page, pageSize }: ListRunsQuery) {
  const where = { ...(flowId ? { flowId } : {}), ...(status ? { status } : {}) };
  const [total, runs] = await Promise.all([
    db.run.count({ where }),
    db.run.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        status: true,
        traceId: true,
        createdAt: true,
        startedAt: true,
        finishedAt: true,
        flow: { select: { id: true, name: true } },
        flowVersion: { select: { number: true } },
        event: { select: { providerEventId: true, businessKey: true } },
      },
    }),
  ]);
  return { runs, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
