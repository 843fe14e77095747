import { db } from "@/lib/db";
import { getBoss } from "@/lib/queue/boss";
import { redactValue } from "@/lib/redact/redact-value";

export type PollStatus = {
  /** Where the next poll starts, masked for display; null before the first committed page (the trigger's own cursor is used). */
  cursor: unknown;
  lastPolledAt: Date | null;
  lastSucceededAt: Date | null;
  /** Masked when written; safe to show. */
  lastError: string | null;
  itemsAccepted: number;
  /** Set while a poll runs (or until the lease of a poll whose worker died expires). */
  leaseUntil: Date | null;
  /** The pg-boss schedule; null while the flow is paused, unpublished or not started by a schedule. */
  schedule: { cron: string; timezone: string; nextRunAt: Date | null } | null;
};

/**
 * What the flow page shows about a schedule trigger: the poll position and
 * outcome from PollState, the schedule and its next occurrence from
 * pg-boss. The caller has already authorised reading the flow.
 */
export async function getPollStatus(flowId: string): Promise<PollStatus> {
  const boss = await getBoss();
  const [state, schedule] = await Promise.all([db.pollState.findUnique({ where: { flowId } }), boss.getSchedule("flow.poll", flowId)]);
  return {
    // A page token is rarely secret, but some APIs sign them; masked like any stored value shown (R20).
    cursor: redactValue(state?.cursor ?? null),
    lastPolledAt: state?.lastPolledAt ?? null,
    lastSucceededAt: state?.lastSucceededAt ?? null,
    lastError: state?.lastError ?? null,
    itemsAccepted: state?.itemsAccepted ?? 0,
    leaseUntil: state?.leaseUntil && state.leaseUntil > new Date() ? state.leaseUntil : null,
    schedule: schedule ? { cron: schedule.cron, timezone: schedule.timezone, nextRunAt: nextOccurrence(boss, schedule.cron, schedule.timezone) } : null,
  };
}

/** Computed in process by pg-boss's own parser; a row it cannot read simply has no next run. */
function nextOccurrence(boss: Awaited<ReturnType<typeof getBoss>>, cron: string, timezone: string): Date | null {
  try {
    return boss.previewSchedule(cron, { tz: timezone, count: 1 })[0] ?? null;
  } catch {
    return null;
  }
}
