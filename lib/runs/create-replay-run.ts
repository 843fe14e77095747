import { randomBytes } from "node:crypto";
import type { DbTransaction } from "@/lib/db";
import type { Environment } from "@/lib/generated/prisma/enums";
import { sendJob } from "@/lib/queue/send-job";

export type CreateReplayRunOptions = {
  original: { id: string; flowId: string; eventId: string; environment: Environment };
  flowVersionId: string;
  bulkReplayId?: string;
};

/**
 * A new run of the original's event, with its job, inside the caller's
 * transaction (R2). Intake dedup is not consulted: it is the same event, not
 * a new delivery. Its steps start fresh, and the engine derives their keys
 * from flow, node and business key exactly as before, so a target that
 * honours keys answers with the records the original made (R6, R17).
 */
export async function createReplayRun(tx: DbTransaction, { original, flowVersionId, bulkReplayId }: CreateReplayRunOptions) {
  const run = await tx.run.create({
    data: {
      flowId: original.flowId,
      flowVersionId,
      eventId: original.eventId,
      environment: original.environment,
      traceId: randomBytes(16).toString("hex"),
      replayOfRunId: original.id,
      bulkReplayId: bulkReplayId ?? null,
    },
    select: { id: true, status: true, flowId: true, replayOfRunId: true, flowVersion: { select: { id: true, number: true } } },
  });
  await sendJob("run.execute", { runId: run.id }, { tx, singletonKey: run.id });
  return run;
}
