import { AppError } from "@/lib/errors";

/**
 * Why a retry or replay is refused once retention cleared what it needs (the
 * event's body, or the checkpoints a retry resumes from): running on empty
 * payloads would send blanks to the target instead of the original data.
 */
export function payloadPurgedError(bodyRetentionDays: number): AppError {
  const days = bodyRetentionDays === 1 ? "1 day" : `${bodyRetentionDays} days`;
  return new AppError("conflict", `The run's payload was purged after ${days} (retention); it can no longer be retried or replayed`, {
    details: { reason: "payload_purged", bodyRetentionDays },
  });
}
