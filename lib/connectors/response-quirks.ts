import type { CatalogName } from "@/lib/connector-limits/connector-catalog";
import type { HttpCallResult } from "@/lib/connectors/http-call";
import type { FailureClass, StepFailure } from "@/lib/runs/failure-class";

type Response = { status?: number; headers: Record<string, string>; body: unknown };
/** Reads a provider's own error shape; null when the response says nothing beyond its HTTP status. */
type ResponseQuirk = (response: Response, now: number) => Omit<StepFailure, "status"> | null;

const failure = (cls: FailureClass, code: string, retryAfterMs?: number): Omit<StepFailure, "status"> => ({
  class: cls,
  code,
  // Only the provider's error code: descriptions can quote the data that was sent.
  message: `provider error ${code}`,
  ...(retryAfterMs === undefined ? {} : { retryAfterMs: Math.max(0, Math.round(retryAfterMs)) }),
});

const record = (value: unknown): Record<string, unknown> | null => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

const BITRIX24_AUTH = new Set(["expired_token", "NO_AUTH_FOUND", "INVALID_CREDENTIALS", "insufficient_scope", "user_access_error", "method_confirm_waiting", "invalid_grant"]);
const MOYSKLAD_TEMPORARY = new Set([1049, 1065, 1073, 1074]);
const MOYSKLAD_AUTH = new Set([1016, 1045, 1048, 1056, 1061]);

/**
 * Provider quirks (CONNECTORS.md) mapped into the four classes (R8): errors
 * inside a 200, error codes that change what a status means, and waits that
 * travel in the body instead of a Retry-After header. One entry per catalog
 * connector; null where plain HTTP semantics are right.
 */
export const RESPONSE_QUIRKS: Record<CatalogName, ResponseQuirk | null> = {
  bitrix24: ({ status = 200, body }, now) => {
    const data = record(body);
    const error = typeof data?.error === "string" ? data.error : null;
    if (error === null) {
      // batch: the call succeeds while its sub-calls fail; the effect is partial, so it is not retried blindly.
      const batchErrors = record(record(data?.result)?.result_error);
      return batchErrors && Object.keys(batchErrors).length > 0 ? failure("permanent", "bitrix24_batch_error") : null;
    }
    if (BITRIX24_AUTH.has(error)) return failure("auth", `bitrix24_${error}`);
    if (error === "QUERY_LIMIT_EXCEEDED" || error === "OVERLOAD_LIMIT") return failure("temporary", `bitrix24_${error}`);
    if (error === "OPERATION_TIME_LIMIT") {
      const resetAt = Number(record(data?.time)?.operating_reset_at);
      return failure("temporary", "bitrix24_OPERATION_TIME_LIMIT", Number.isFinite(resetAt) ? resetAt * 1000 - now : undefined);
    }
    return status >= 500 ? null : failure("permanent", `bitrix24_${error}`);
  },

  moysklad: ({ headers, body }) => {
    // A mass create answers with an array whose failed items carry their own errors.
    if (Array.isArray(body)) return body.some((item) => Array.isArray(record(item)?.errors)) ? failure("permanent", "moysklad_partial_failure") : null;
    const errors = record(body)?.errors;
    if (!Array.isArray(errors)) return null;
    const code = Number(record(errors[0])?.code);
    if (!Number.isFinite(code)) return null;
    if (MOYSKLAD_AUTH.has(code)) return failure("auth", `moysklad_${code}`);
    if (MOYSKLAD_TEMPORARY.has(code)) {
      const waitMs = Number(headers["x-lognex-retry-after"]);
      return failure("temporary", `moysklad_${code}`, code === 1049 && Number.isFinite(waitMs) ? waitMs : undefined);
    }
    return code === 1070 ? failure("permanent", "moysklad_1070") : null;
  },

  telegram: ({ body }) => {
    const data = record(body);
    if (data?.ok !== false) return null;
    const code = Number(data.error_code);
    const retryAfter = Number(record(data.parameters)?.retry_after);
    if (code === 429) return failure("temporary", "telegram_429", Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined);
    if (code === 401) return failure("auth", "telegram_401");
    if (code >= 500) return failure("temporary", `telegram_${code}`);
    // 400 bad request, 403 blocked by the user, 404 chat not found: sending again changes nothing.
    return failure("permanent", `telegram_${Number.isFinite(code) ? code : "error"}`);
  },

  huntflow: null,
  amocrm: null,
  hubspot: null,
};

/** The call's result as the provider meant it: an error inside a 200 becomes a failure, a body-borne wait a Retry-After. */
export function applyResponseQuirks(connector: CatalogName | null, result: HttpCallResult, now = Date.now()): HttpCallResult {
  const quirk = connector === null ? null : RESPONSE_QUIRKS[connector];
  if (quirk === null) return result;
  const found = quirk({ status: result.status, headers: result.headers ?? {}, body: result.body }, now);
  if (found === null) return result;
  return { ok: false, failure: { ...found, ...(result.status === undefined ? {} : { status: result.status }) }, status: result.status, headers: result.headers, body: result.body, truncated: result.truncated, durationMs: result.durationMs };
}
