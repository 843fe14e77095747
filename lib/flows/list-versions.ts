import { db } from "@/lib/db";
import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";

export async function listVersions(flowId: string) {
  await getFlowOrThrow(flowId);
  return db.flowVersion.findMany({
    where: { flowId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, message: true, environment: true, createdAt: true, author: { select: { email: true, name: true } } },
  });
}
