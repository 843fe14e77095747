import type { FailureClass, StepFailure } from "./failure-class";

export type ClassifyHttpStatusOptions = {
  /** True when a repeat cannot double the effect: GET/PUT/DELETE, or an idempotency key the target honours. */
  idempotentRequest: boolean;
};

/** HTTP statuses that R8 names as temporary; everything else is decided by range. */
const TEMPORARY_STATUSES = new Set([408, 425, 429, 502, 503, 504]);
const AUTH_STATUSES = new Set([401, 403]);

/**
 * Maps an HTTP status to a failure class (R8), or null for 1xx–3xx.
 * A 500 is the one status whose meaning depends on the request: the target
 * may have committed the effect before failing, so a non-idempotent call
 * must be treated as ambiguous (look up before re-creating), never retried blindly.
 */
export function classifyHttpStatus(status: number, options: ClassifyHttpStatusOptions): FailureClass | null {
  if (status < 400) return null;
  if (TEMPORARY_STATUSES.has(status)) return "temporary";
  if (AUTH_STATUSES.has(status)) return "auth";
  if (status === 500) return options.idempotentRequest ? "temporary" : "ambiguous";
  if (status >= 500) return "temporary";
  return "permanent";
}

export type ClassifyTransportErrorOptions = {
  /** True once request bytes may have reached the target (undici started writing the request). */
  requestSent: boolean;
};

/** Errors that can only happen before a single byte was written, so the target cannot have acted. */
const BEFORE_SEND: Record<string, { code: string; message: string }> = {
  ECONNREFUSED: { code: "connection_refused", message: "connection refused" },
  ENOTFOUND: { code: "dns_failure", message: "host name not found" },
  EAI_AGAIN: { code: "dns_failure", message: "host name lookup failed temporarily" },
  EHOSTUNREACH: { code: "host_unreachable", message: "host unreachable" },
  ENETUNREACH: { code: "host_unreachable", message: "network unreachable" },
  UND_ERR_CONNECT_TIMEOUT: { code: "connect_timeout", message: "connect timed out" },
};

/** Errors whose meaning depends on whether the request had been sent. */
const AFTER_CONNECT: Record<string, { code: string; message: string }> = {
  ECONNRESET: { code: "connection_reset", message: "connection reset" },
  EPIPE: { code: "connection_reset", message: "connection closed while writing" },
  UND_ERR_SOCKET: { code: "connection_reset", message: "socket closed by the other side" },
  UND_ERR_CLOSED: { code: "connection_reset", message: "client closed" },
  UND_ERR_HEADERS_TIMEOUT: { code: "timeout", message: "no response headers in time" },
  UND_ERR_BODY_TIMEOUT: { code: "timeout", message: "response body stalled" },
  ETIMEDOUT: { code: "timeout", message: "operation timed out" },
  TimeoutError: { code: "timeout", message: "total timeout elapsed" },
  AbortError: { code: "aborted", message: "request aborted" },
  UND_ERR_ABORTED: { code: "aborted", message: "request aborted" },
};

/** Invalid input detected by undici before connecting: retrying the same request cannot help. */
const INVALID_REQUEST = new Set(["UND_ERR_INVALID_ARG", "ERR_INVALID_URL", "UND_ERR_NOT_SUPPORTED"]);

/**
 * Classifies a thrown transport error. The message is built only from the
 * error's code, never from the error's own message, because undici and Node
 * messages can echo URLs, header values or bodies (R20).
 */
export function classifyTransportError(error: unknown, options: ClassifyTransportErrorOptions): StepFailure {
  const key = findKnownCode(error);
  const suffix = options.requestSent ? "after_send" : "before_send";
  if (key === undefined) {
    // Unknown cause: once sent we cannot rule out a committed effect.
    return {
      class: options.requestSent ? "ambiguous" : "temporary",
      code: `transport_error_${suffix}`,
      message: `transport error (${describeName(error)}) ${suffix.replace("_", " ")}`,
    };
  }
  if (INVALID_REQUEST.has(key)) {
    return { class: "permanent", code: "invalid_request", message: `request rejected before sending (${key})` };
  }
  const before = BEFORE_SEND[key];
  if (before) return { class: "temporary", code: before.code, message: `${before.message} (${key})` };
  const after = AFTER_CONNECT[key] ?? { code: "transport_error", message: "transport error" };
  return {
    class: options.requestSent ? "ambiguous" : "temporary",
    code: `${after.code}_${suffix}`,
    message: `${after.message} ${suffix.replace("_", " ")} (${key})`,
  };
}

const KNOWN = new Set([...Object.keys(BEFORE_SEND), ...Object.keys(AFTER_CONNECT), ...INVALID_REQUEST]);

/**
 * Walks `cause` and AggregateError `errors` (Node's happy-eyeballs connect
 * wraps ECONNREFUSED that way) and returns the first code or name we know.
 */
function findKnownCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== "object" || error === null || depth > 5) return undefined;
  const code = Reflect.get(error, "code");
  if (typeof code === "string" && KNOWN.has(code)) return code;
  const name = Reflect.get(error, "name");
  if (typeof name === "string" && KNOWN.has(name)) return name;
  const nested: unknown[] = [Reflect.get(error, "cause")];
  const errors: unknown = Reflect.get(error, "errors");
  if (Array.isArray(errors)) nested.push(...errors);
  for (const inner of nested) {
    const found = findKnownCode(inner, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Only the error's class name and code: safe to store, never its message. */
function describeName(error: unknown): string {
  if (typeof error !== "object" || error === null) return typeof error;
  const name = Reflect.get(error, "name");
  const code = Reflect.get(error, "code");
  const safe = (value: unknown) => (typeof value === "string" && /^[\w.-]{1,60}$/.test(value) ? value : undefined);
  return [safe(name), safe(code)].filter(Boolean).join(" ") || "unknown";
}
