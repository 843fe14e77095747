import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ActingUser } from "@/lib/audit/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { sendJob } from "@/lib/queue/send-job";
import { buildRunWhere } from "@/lib/runs/build-run-where";
import { FINAL_RUN_STATUSES } from "@/lib/runs/run-transitions";
import type { RunFilter, StartBulkReplayBody } from "@/lib/runs/schema";

export type StartBulkReplayOptions = StartBulkReplayBody & { actor: ActingUser };

/** More would be an accident more often than a plan; a narrower filter says what is meant. */
export const MAX_BULK_REPLAY_RUNS = 10_000;

/**
 * Starts replaying every finished run the filter matches (R17). The matched
 * ids are frozen now, oldest first, so runs that arrive later never join; the
 * row, its first job and the audit row commit together. Without a status in
 * the filter it means what needs attention: failed and needs-review runs.
 */
export async function startBulkReplay({ filter, version, canary, batchSize, actor }: StartBulkReplayOptions) {
  const matched = await db.run.findMany({
    where: { AND: [await buildRunWhere(withFinalStatuses(filter)), { replays: { none: { status: { in: ["queued", "running", "waiting_retry"] } } } }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
    take: MAX_BULK_REPLAY_RUNS + 1,
  });
  if (matched.length === 0) throw new AppError("validation_failed", "No finished runs match this filter");
  if (matched.length > MAX_BULK_REPLAY_RUNS) throw new AppError("validation_failed", `More than ${MAX_BULK_REPLAY_RUNS} runs match; narrow the filter`);
  return db.$transaction(async (tx) => {
    const replay = await tx.bulkReplay.create({
      data: { filter, version, canary: canary ?? null, batchSize, runIds: matched.map((run) => run.id), actorId: actor.userId, actorEmail: actor.email },
    });
    await sendJob("replay.bulk", { bulkReplayId: replay.id }, { tx, singletonKey: replay.id });
    await recordAudit({ tx, actor, action: "replay.start", target: { type: "bulk_replay", id: replay.id }, details: { filter, version, canary, batchSize, runs: matched.length } });
    return replay;
  });
}

function withFinalStatuses(filter: RunFilter): RunFilter {
  const wanted = filter.status ?? ["failed", "needs_review"];
  const status = wanted.filter((status) => FINAL_RUN_STATUSES.includes(status));
  if (status.length === 0) throw new AppError("validation_failed", "Only finished runs can be replayed: pick a final status");
  return { ...filter, status };
}
