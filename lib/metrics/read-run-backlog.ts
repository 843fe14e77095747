import { db } from "@/lib/db";

export type RunBacklog = {
  /** Runs queued to start. */
  queued: number;
  /** When the oldest queued run was created; null when none waits. */
  oldestQueuedAt: Date | null;
  /** Steps waiting for their next attempt, by reason ("retry_after": a target's Retry-After). */
  waitingByReason: Record<string, number>;
};

export type ReadRunBacklogOptions = { flowId?: string; connectorKey?: string };

/**
 * What waits, for /api/metrics and the dashboard alike (R18); each an
 * aggregate on an index. With a connector, only runs whose Run.connectorKey
 * is that connector count: the connector their step last waited on or failed at.
 */
export async function readRunBacklog({ flowId, connectorKey }: ReadRunBacklogOptions = {}): Promise<RunBacklog> {
  const runs = { flowId, connectorKey };
  const [queued, oldest, waiting] = await Promise.all([
    db.run.count({ where: { status: "queued", ...runs } }),
    db.run.findFirst({ where: { status: "queued", ...runs }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { createdAt: true } }),
    db.stepRun.groupBy({ by: ["waitReason"], where: { status: "waiting_retry", run: flowId || connectorKey ? runs : undefined }, _count: { _all: true } }),
  ]);
  const waitingByReason = Object.fromEntries(waiting.map((group) => [group.waitReason ?? "unknown", group._count._all]));
  return { queued, oldestQueuedAt: oldest?.createdAt ?? null, waitingByReason };
}
