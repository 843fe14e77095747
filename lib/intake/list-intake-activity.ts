import { db } from "@/lib/db";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { REJECTION_REASONS } from "@/lib/intake/rejection-reasons";

const DAY_MS = 86_400_000;

export type IntakeActivityEntry =
  | { kind: "accepted"; at: Date; eventId: string; source: string; eventKey: string | null; businessKey: string | null; runId: string | null; runStatus: RunStatus | null }
  | { kind: "duplicate"; at: Date; eventId: string; source: string; eventKey: string | null; count: number; runId: string | null }
  | { kind: "rejected"; at: Date; reason: string; label: string; count: number };

export type IntakeActivity = {
  entries: IntakeActivityEntry[];
  /** Refusals of the last 24 hours by reason, most frequent first. */
  rejectedToday: { reason: string; label: string; count: number; lastAt: Date }[];
};

/**
 * What reached a flow lately, newest first: events that started runs,
 * redeliveries answered with an earlier run, and refusals counted per minute
 * and reason. It answers "did the provider's call start a run, and if not, why".
 */
export async function listIntakeActivity(flowId: string, limit = 30): Promise<IntakeActivity> {
  const since = new Date(Date.now() - DAY_MS);
  const [events, duplicates, rejections, today] = await Promise.all([
    db.event.findMany({
      where: { flowId },
      orderBy: { receivedAt: "desc" },
      take: limit,
      select: { id: true, source: true, providerEventId: true, businessKey: true, receivedAt: true, runs: { take: 1, orderBy: { createdAt: "asc" }, select: { id: true, status: true } } },
    }),
    db.event.findMany({
      where: { flowId, lastDuplicateAt: { not: null } },
      orderBy: { lastDuplicateAt: "desc" },
      take: limit,
      select: { id: true, source: true, providerEventId: true, duplicateCount: true, lastDuplicateAt: true, runs: { take: 1, orderBy: { createdAt: "asc" }, select: { id: true } } },
    }),
    db.intakeRejection.findMany({ where: { flowId }, orderBy: { lastAt: "desc" }, take: limit }),
    db.intakeRejection.groupBy({ by: ["reason"], where: { flowId, lastAt: { gte: since } }, _sum: { count: true }, _max: { lastAt: true } }),
  ]);

  const entries: IntakeActivityEntry[] = [
    ...events.map((event) => ({
      kind: "accepted" as const,
      at: event.receivedAt,
      eventId: event.id,
      source: sourceKind(event.source),
      eventKey: event.providerEventId,
      businessKey: event.businessKey,
      runId: event.runs[0]?.id ?? null,
      runStatus: event.runs[0]?.status ?? null,
    })),
    ...duplicates.map((event) => ({
      kind: "duplicate" as const,
      at: event.lastDuplicateAt!,
      eventId: event.id,
      source: sourceKind(event.source),
      eventKey: event.providerEventId,
      count: event.duplicateCount,
      runId: event.runs[0]?.id ?? null,
    })),
    ...rejections.map((row) => ({ kind: "rejected" as const, at: row.lastAt, reason: row.reason, label: describeReason(row.reason), count: row.count })),
  ];
  entries.sort((a, b) => b.at.getTime() - a.at.getTime());

  return {
    entries: entries.slice(0, limit),
    rejectedToday: today
      .map((row) => ({ reason: row.reason, label: describeReason(row.reason), count: row._sum.count ?? 0, lastAt: row._max.lastAt! }))
      .sort((a, b) => b.count - a.count),
  };
}

/** "hook:…" → "webhook": the trigger that delivered the event, without the flow id. */
function sourceKind(source: string): string {
  const kind = source.split(":")[0] ?? source;
  return kind === "hook" ? "webhook" : kind;
}

function describeReason(reason: string): string {
  return REJECTION_REASONS[reason] ?? reason;
}
