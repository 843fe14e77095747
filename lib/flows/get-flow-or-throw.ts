import { db, type DbTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The flow with its draft, draftRevision, editorSample and a summary of the published version; `tx` reads inside a change's transaction. */
export async function getFlowOrThrow(flowId: string, tx: DbTransaction = db) {
  const flow = await tx.flow.findUnique({
    where: { id: flowId },
    include: { publishedVersion: { select: { id: true, number: true, createdAt: true, message: true, environment: true } } },
  });
  if (!flow) throw new AppError("not_found", "Flow not found");
  return flow;
}
