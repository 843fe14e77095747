import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function getFlowOrThrow(flowId: string) {
  const flow = await db.flow.findUnique({
    where: { id: flowId },
    include: { publishedVersion: { select: { id: true, number: true, createdAt: true, message: true, environment: true } } },
  });
  if (!flow) throw new AppError("not_found", "Flow not found");
  return flow;
}
