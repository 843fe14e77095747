/** Why a step waits without having failed: none of these consume an attempt (R10, R11, R12). */
export const DEFERRAL_REASONS = ["retry_after", "breaker_open", "connector_limit", "connector_paused", "entity_order"] as const;
export type DeferralReason = (typeof DEFERRAL_REASONS)[number];

/**
 * Thrown by node logic before it has sent anything, when the call must wait:
 * the connector asked for a pause (Retry-After), its breaker is open, its
 * limits are reached or it is paused. The executor reschedules the step
 * after `delayMs` without counting an attempt or recording a failure.
 */
export class StepDeferral extends Error {
  readonly delayMs: number;
  readonly reason: DeferralReason;

  constructor(delayMs: number, reason: DeferralReason) {
    super(`Deferred ${delayMs} ms: ${reason}`);
    this.name = "StepDeferral";
    this.delayMs = Math.max(0, Math.ceil(delayMs));
    this.reason = reason;
  }
}
