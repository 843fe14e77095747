import { db } from "@/lib/db";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { buildRunWhere } from "@/lib/runs/build-run-where";
import { RUN_STATUSES, type RunFilter } from "@/lib/runs/schema";

export type RunStatusCounts = Record<RunStatus, number>;

/**
 * Runs per status for a filter, ignoring its status part: the tiles above the
 * table show what each status button would list. One GROUP BY on the same
 * indexes as the list; every status is present, zero when none.
 */
export async function countRunsByStatus(filter: RunFilter): Promise<RunStatusCounts> {
  const where = await buildRunWhere({ ...filter, withStatus: false });
  const groups = await db.run.groupBy({ by: ["status"], where, _count: { _all: true } });
  const counts = Object.fromEntries(RUN_STATUSES.map((status) => [status, 0])) as RunStatusCounts;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}
