import { db } from "@/lib/db";
import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";

/** Pausing stops intake (409) without touching versions or runs in flight. */
export async function setFlowStatus(flowId: string, status: "active" | "paused") {
  await getFlowOrThrow(flowId);
  return db.flow.update({ where: { id: flowId }, data: { status } });
}
