import { db } from "@/lib/db";

/** Runs a paused flow is holding for its resume. */
export function countHeldRuns(flowId: string): Promise<number> {
  return db.heldRun.count({ where: { flowId } });
}
