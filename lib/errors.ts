import { z } from "zod";

/** The error codes the app speaks; each maps to one HTTP status. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** An error whose message is safe to show to the caller. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

/**
 * Maps any thrown value to a status and a body that is safe to return.
 * Unknown errors become a generic 500 so internals (SQL, stack traces,
 * secrets in messages) never reach a client; the caller logs the original.
 */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody; retryAfterSeconds?: number } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } },
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  if (error instanceof z.ZodError) {
    return {
      status: ERROR_STATUS.validation_failed,
      body: { error: { code: "validation_failed", message: describeZodError(error), details: z.treeifyError(error) } },
    };
  }
  return { status: 500, body: { error: { code: "internal", message: "Internal error; it has been logged." } } };
}

/** One readable line per issue: "name: Too small: expected string to have >=1 characters". */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}
