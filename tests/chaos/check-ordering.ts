import { MAX_DETAILS, type ChaosObservations, type CheckResult } from "@/tests/chaos/chaos-observations";

/**
 * R12 stale versions: an order's newer version is always delivered (and
 * acknowledged) before its older one, so once the newer run succeeded the
 * older run must end as skipped_stale and never write its data.
 */
export function checkOrdering({ plan, runs }: ChaosObservations): CheckResult[] {
  const runOf = new Map(runs.map((run) => [run.providerEventId, run]));
  const judged: string[] = [];
  const notSkipped: string[] = [];
  for (const group of plan.groups) {
    const [newer, older] = group.events;
    if (newer === undefined || older === undefined) continue;
    const newerRun = runOf.get(newer.id);
    const olderRun = runOf.get(older.id);
    if (newerRun?.status !== "succeeded" || olderRun === undefined) continue;
    judged.push(older.order.id);
    if (olderRun.status !== "skipped_stale") notSkipped.push(`${older.id} ended ${olderRun.status}${olderRun.error ? ` (${JSON.stringify(olderRun.error)})` : ""} after ${newer.id} succeeded`);
  }
  return [
    {
      label: "older versions delivered late and not skipped as stale",
      group: "ordering",
      value: `${notSkipped.length} of ${judged.length}`,
      violations: notSkipped.length,
      details: notSkipped.slice(0, MAX_DETAILS),
    },
  ];
}
