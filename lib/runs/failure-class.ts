import { z } from "zod";

/**
 * The four failure classes of R8. The class alone decides what the executor
 * does next (retry, fail for fix-and-replay, pause the connector, or
 * look-up-before-retry), so every failure must carry exactly one.
 */
export const FAILURE_CLASSES = ["temporary", "permanent", "auth", "ambiguous"] as const;

export type FailureClass = (typeof FAILURE_CLASSES)[number];

export const failureClassSchema = z.enum(FAILURE_CLASSES);

/**
 * A failure as stored on a step attempt. It is serialisable on purpose: it
 * crosses the worker/database boundary and is shown in the UI, so it holds a
 * stable code and a redacted message, never the request itself.
 */
export const stepFailureSchema = z.object({
  class: failureClassSchema,
  /** Stable machine code, e.g. "http_503", "timeout_after_send", "mapping_error". */
  code: z.string().min(1),
  message: z.string(),
  status: z.number().int().optional(),
  retryAfterMs: z.number().int().nonnegative().optional(),
});

export type StepFailure = z.infer<typeof stepFailureSchema>;

/** What was sent and received, kept so a failed attempt's log shows the exchange (redacted when stored). */
export type FailedExchange = { request?: unknown; response?: unknown };

/** Thrown by node logic; the executor catches it and records `failure` as-is. */
export class StepFailureError extends Error {
  readonly failure: StepFailure;
  readonly exchange?: FailedExchange;

  constructor(failure: StepFailure, exchange?: FailedExchange) {
    super(failure.message);
    this.name = "StepFailureError";
    this.failure = failure;
    this.exchange = exchange;
  }
}
