import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ActingUser } from "@/lib/audit/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { flowDefinitionSchema } from "@/lib/flows/schema";
import { payloadPurgedError } from "@/lib/retention/payload-purged-error";
import { createReplayRun } from "@/lib/runs/create-replay-run";
import { describeReplayEffects } from "@/lib/runs/describe-replay-effects";
import { isFinalRunStatus } from "@/lib/runs/run-transitions";
import type { ReplayVersion } from "@/lib/runs/schema";

export type ReplayRunOptions = { runId: string; actor: ActingUser; version: ReplayVersion };

/**
 * Replays a finished run (even a succeeded one) as a new run of the same
 * event on the pinned or the latest published version (R17), and says which
 * calls it repeats and what protects each. The new run, its job and the
 * audit row commit together. The original row is locked first, so of two
 * concurrent replays one creates the run and the other finds it unfinished
 * and gets a 409: a double click makes one replay.
 */
export async function replayRun({ runId, actor, version }: ReplayRunOptions) {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Run" WHERE id = ${runId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", "Run not found");
    const original = await tx.run.findUniqueOrThrow({
      where: { id: runId },
      select: { id: true, status: true, flowId: true, eventId: true, environment: true, flowVersionId: true, flow: { select: { publishedVersionId: true, bodyRetentionDays: true } }, event: { select: { bodyPurgedAt: true } } },
    });
    if (!isFinalRunStatus(original.status)) throw new AppError("conflict", `This run is ${original.status.replace("_", " ")}; only finished runs can be replayed`);
    if (original.event.bodyPurgedAt) throw payloadPurgedError(original.flow.bodyRetentionDays);
    const pending = await tx.run.findFirst({ where: { replayOfRunId: runId, status: { in: ["queued", "running", "waiting_retry"] } }, select: { id: true } });
    if (pending) throw new AppError("conflict", `This run is already being replayed by run ${pending.id}`, { details: { replayRunId: pending.id } });
    const flowVersionId = version === "same" ? original.flowVersionId : original.flow.publishedVersionId;
    if (!flowVersionId) throw new AppError("conflict", "The flow has no published version to replay on");

    const run = await createReplayRun(tx, { original, flowVersionId });
    const { definition } = await tx.flowVersion.findUniqueOrThrow({ where: { id: flowVersionId }, select: { definition: true } });
    const effects = describeReplayEffects(flowDefinitionSchema.parse(definition));
    await recordAudit({
      tx,
      actor,
      action: "run.replay",
      target: { type: "run", id: runId },
      details: { flowId: original.flowId, replayRunId: run.id, version, versionNumber: run.flowVersion.number },
    });
    return { run, effects };
  });
}
