import { waitSummarySchema, type WaitSummary } from "@/lib/runs/schema";
import type { DeferralReason } from "@/lib/runs/step-deferral";

/**
 * The bounded record of a step's deferrals (R10–R12 waits, which use no
 * attempt). The wait a deferral starts is open until the next deferral or
 * attempt; it belongs to the reason deferred last (the latest lastAt), so
 * no extra field is needed to know which one is running.
 */

/** The stored JSON as a summary; null when absent, empty or unreadable (a page must not break on one odd row). */
export function readWaitSummary(value: unknown): WaitSummary | null {
  const parsed = waitSummarySchema.safeParse(value);
  return parsed.success && Object.keys(parsed.data).length > 0 ? parsed.data : null;
}

/** Adds the open wait's time up to `at` to its reason: what was waited before an attempt, or so far. */
export function closeWaits(summary: WaitSummary | null, at: Date): WaitSummary {
  const open = openReason(summary);
  if (!summary || !open) return { ...summary };
  const tally = summary[open];
  if (!tally) return { ...summary };
  // Clocks of two workers may disagree by a little: a wait never counts negative.
  const elapsed = Math.max(0, at.getTime() - Date.parse(tally.lastAt));
  return { ...summary, [open]: { ...tally, totalMs: tally.totalMs + elapsed } };
}

/** Records one more deferral for `reason` at `at`, closing the wait the previous deferral started. */
export function addDeferral(summary: WaitSummary | null, reason: DeferralReason, at: Date): WaitSummary {
  const latest = latestAt(summary);
  // Always after the last deferral, even when this worker's clock is behind:
  // the latest lastAt must name the one open wait, or it would be counted twice.
  const when = latest !== null && latest >= at.getTime() ? new Date(latest + 1) : at;
  const closed = closeWaits(summary, when);
  const tally = closed[reason];
  const iso = when.toISOString();
  return { ...closed, [reason]: { count: (tally?.count ?? 0) + 1, totalMs: tally?.totalMs ?? 0, firstAt: tally?.firstAt ?? iso, lastAt: iso } };
}

function openReason(summary: WaitSummary | null): DeferralReason | undefined {
  let open: DeferralReason | undefined;
  let openAt = -Infinity;
  for (const [reason, tally] of Object.entries(summary ?? {}) as Array<[DeferralReason, WaitSummary[DeferralReason]]>) {
    const at = tally ? Date.parse(tally.lastAt) : -Infinity;
    if (at > openAt) [open, openAt] = [reason, at];
  }
  return open;
}

function latestAt(summary: WaitSummary | null): number | null {
  const open = openReason(summary);
  const tally = open && summary ? summary[open] : undefined;
  return tally ? Date.parse(tally.lastAt) : null;
}
