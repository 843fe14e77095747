import { db } from "@/lib/db";

export type RunBacklog = {
  /** Runs queued to start. */
  queued: number;
  /** When the oldest queued run was created; null when none waits. */
  oldestQueuedAt: Date | null;
  /** Steps waiting for their next attempt, by reason ("retry_after": a target's Retry-After). */
  waitingByReason: Record<string, number>;
};

/** What waits, for /api/metrics and the dashboard alike (R18); each an aggregate on an index. */
export async function readRunBacklog({ flowId }: { flowId?: string } = {}): Promise<RunBacklog> {
  const [queued, oldest, waiting] = await Promise.all([
    db.run.count({ where: { status: "queued", flowId } }),
    db.run.findFirst({ where: { status: "queued", flowId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { createdAt: true } }),
    db.stepRun.groupBy({ by: ["waitReason"], where: { status: "waiting_retry", run: flowId ? { flowId } : undefined }, _count: { _all: true } }),
  ]);
  const waitingByReason = Object.fromEntries(waiting.map((group) => [group.waitReason ?? "unknown", group._count._all]));
  return { queued, oldestQueuedAt: oldest?.createdAt ?? null, waitingByReason };
}
