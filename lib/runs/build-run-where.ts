import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RunFilter } from "@/lib/runs/schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A search term shared by more rows than this is not an identifier; the
// list still pages through what was found, it just stops widening.
const SEARCH_CAP = 1000;

export type BuildRunWhereOptions = RunFilter & { withStatus?: boolean };

/**
 * The Prisma `where` of a runs filter. Version and search are resolved to ids
 * first (each an index lookup), so the runs query itself stays a plain
 * keyset scan on one of the Run indexes instead of joins the planner may
 * turn into sequential scans. `withStatus: false` drops the status filter
 * (the counts above the table show every status of the rest of the filter).
 */
export async function buildRunWhere({ withStatus = true, ...filter }: BuildRunWhereOptions): Promise<Prisma.RunWhereInput> {
  const and: Prisma.RunWhereInput[] = [];
  if (filter.flowId) and.push({ flowId: filter.flowId });
  if (withStatus && filter.status?.length) and.push({ status: { in: filter.status } });
  if (filter.failureClass) and.push({ failureClass: filter.failureClass });
  if (filter.connector) and.push({ connectorKey: filter.connector });
  if (filter.withoutConnector) and.push({ connectorKey: null });
  if (filter.from || filter.to) and.push({ createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } });
  if (filter.version !== undefined) {
    const versions = await db.flowVersion.findMany({ where: { number: filter.version, ...(filter.flowId ? { flowId: filter.flowId } : {}) }, select: { id: true } });
    and.push({ flowVersionId: { in: versions.map((version) => version.id) } });
  }
  if (filter.q) and.push(await searchWhere(filter.q));
  return { AND: and };
}

/**
 * Exact match on any id an operator may paste: run id, event id, provider
 * event id, business key, trace id, a step's idempotency key or the
 * external id a target gave the record a step made (StepRun.externalId).
 */
async function searchWhere(q: string): Promise<Prisma.RunWhereInput> {
  const isUuid = UUID.test(q);
  const [events, steps] = await Promise.all([
    db.event.findMany({
      where: { OR: [{ providerEventId: q }, { businessKey: q }, ...(isUuid ? [{ id: q }] : [])] },
      select: { id: true },
      take: SEARCH_CAP,
    }),
    db.stepRun.findMany({ where: { OR: [{ idempotencyKey: q }, { externalId: q }] }, select: { runId: true }, take: SEARCH_CAP }),
  ]);
  const runIds = [...steps.map((step) => step.runId), ...(isUuid ? [q] : [])];
  return { OR: [{ traceId: q }, { eventId: { in: events.map((event) => event.id) } }, { id: { in: runIds } }] };
}
