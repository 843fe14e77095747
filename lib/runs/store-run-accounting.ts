import { db } from "@/lib/db";
import { checkRunAccounting } from "@/lib/runs/check-run-accounting";

export type StoreRunAccountingOptions = { now?: Date };

/**
 * Runs the R16 check over every flow and stores one row per flow with the
 * time it was taken, for the dashboard (dashboard.accounting, every minute).
 * The check reads every event and run; done here once a minute in the worker
 * instead of on every page load, the dashboard reads a row per flow. The
 * check is one statement, so all rows of a pass come from one snapshot; rows
 * of flows the pass no longer saw (their events pruned) are dropped.
 */
export async function storeRunAccounting({ now = new Date() }: StoreRunAccountingOptions = {}) {
  const accounting = await checkRunAccounting();
  await db.$transaction([
    ...accounting.map((flow) =>
      db.flowAccountingCheck.upsert({ where: { flowId: flow.flowId }, create: { ...flow, checkedAt: now }, update: { ...flow, checkedAt: now } }),
    ),
    db.flowAccountingCheck.deleteMany({ where: { checkedAt: { lt: now } } }),
  ]);
  return { flows: accounting.length, unbalanced: accounting.filter((flow) => flow.withoutRun > 0 || (flow.atRest && !flow.holds)).length };
}
