import type { WaitSummary, WaitTally } from "@/lib/runs/schema";
import type { DeferralReason } from "@/lib/runs/step-deferral";
import { formatDuration } from "@/components/ui/format-duration";

/** Each reason a step waited without using an attempt, in an operator's words (short: they are listed). */
export const WAIT_REASON_WORDS: Record<DeferralReason, string> = {
  retry_after: "the target's Retry-After",
  breaker_open: "breaker open",
  connector_limit: "connector limit",
  connector_paused: "connector paused",
  entity_order: "earlier event for the same record",
};

const LEADS = { "before-attempt": "before this attempt", "so-far": "so far", "before-end": "before the step ended" } as const;
export type WaitsMoment = keyof typeof LEADS;

/**
 * The line on the run's timeline that says what a step waited out without
 * using an attempt: "Waited 41 s before this attempt: breaker open ×4 (32 s),
 * connector limit ×2 (9 s)." Longest waits first. Null when it never waited.
 */
export function describeWaits(summary: WaitSummary | null, moment: WaitsMoment): string | null {
  const tallies = Object.entries(summary ?? {}).filter((entry): entry is [DeferralReason, WaitTally] => entry[1] !== undefined);
  if (tallies.length === 0) return null;
  tallies.sort(([, a], [, b]) => b.totalMs - a.totalMs || b.count - a.count);
  const totalMs = tallies.reduce((sum, [, tally]) => sum + tally.totalMs, 0);
  const parts = tallies.map(([reason, tally]) => `${WAIT_REASON_WORDS[reason]} ×${tally.count} (${formatDuration(tally.totalMs)})`);
  return `Waited ${formatDuration(totalMs)} ${LEADS[moment]}: ${parts.join(", ")}.`;
}
