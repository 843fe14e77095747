import { formatDuration } from "@/components/ui/format-duration";

/** Why the engine stopped after an attempt, in an operator's words (StepAttempt.retryReason). */
const STOP_REASONS: Record<string, string> = {
  class_not_retried: "Not retried: the step's retry policy does not retry this class of failure.",
  max_attempts: "Not retried: the step's attempts were used up.",
  max_elapsed: "Not retried: the step's time budget was used up.",
  retry_after_beyond_deadline: "Not retried: the target asked to wait past the step's time budget.",
  permanent_not_retried: "Not retried: a permanent failure does not get better by repeating it.",
  auth_not_retried: "Not retried: the credential was refused; the connector is paused until it is fixed.",
  ambiguous_not_retried: "Not retried: the call may have taken effect and the target ignores idempotency keys, so a person decides.",
  temporary_not_retried: "Not retried: this kind of step has no retry policy.",
};

/** The line under an attempt on the run's timeline: the wait before the next attempt and why, or why there was none. */
export function describeNextAttempt(reason: string, delayMs: number | null): string {
  if (reason === "backoff") return `Next attempt after ${formatDuration(delayMs)} (exponential backoff with jitter).`;
  if (reason === "retry_after") return `Next attempt after ${formatDuration(delayMs)}, as the target's Retry-After asked; this attempt does not count against the budget.`;
  return STOP_REASONS[reason] ?? `Not retried (${reason}).`;
}
