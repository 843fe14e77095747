import { Agent, request as undiciRequest, type Dispatcher } from "undici";
import { parseRetryAfter } from "@/lib/runs/backoff";
import { classifyHttpStatus, classifyTransportError } from "@/lib/runs/classify-failure";
import type { StepFailure } from "@/lib/runs/failure-class";
import { readResponseBody } from "./read-response-body";
import { trackRequestSent } from "./track-request-sent";

export type HttpCallRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Strings are sent as-is; anything else is JSON-serialised. */
  body?: unknown;
  /** Total budget: connect, send, headers and body together. */
  timeoutMs: number;
  connectTimeoutMs?: number;
  /** Bytes of response body kept (default 256 KiB); the rest is discarded and `truncated` set. */
  maxResponseBytes?: number;
  /** GET/PUT/DELETE, or an idempotency key the target is known to honour; decides how a 500 is read. */
  idempotentRequest: boolean;
  signal?: AbortSignal;
};

export type HttpCallResult =
  | { ok: true; status: number; headers: Record<string, string>; body: unknown; truncated: boolean; durationMs: number }
  | { ok: false; failure: StepFailure; status?: number; headers?: Record<string, string>; body?: unknown; truncated?: boolean; durationMs: number };

const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const JSON_TYPE = /[/+]json\b/i;

// One agent per connect timeout, shared by every call: keep-alive pooling
// matters when a flow calls the same target thousands of times.
const agents = new Map<number, Agent>();

/**
 * One outbound HTTP call whose every outcome is a value: success, or a
 * classified failure (R8). Never throws for network or HTTP errors, never
 * follows redirects (R23), and builds failure messages without URLs paths,
 * headers or bodies so nothing secret reaches a stored error (R20).
 */
export async function performHttpCall(request: HttpCallRequest): Promise<HttpCallResult> {
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  let sent = false;
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  const hasBody = request.body !== undefined;
  const headers = hasBody && !hasHeader(request.headers, "content-type") ? { ...request.headers, "content-type": "application/json" } : request.headers;

  try {
    const response = await undiciRequest(request.url, {
      method: request.method as Dispatcher.HttpMethod,
      headers,
      body: !hasBody ? undefined : typeof request.body === "string" ? request.body : JSON.stringify(request.body),
      signal,
      dispatcher: trackRequestSent(agentFor(request.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS), () => {
        sent = true;
      }),
    });
    const responseHeaders = flattenHeaders(response.headers);
    const { text, truncated } = await readResponseBody(response.body, request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
    const status = response.statusCode;
    const isJson = JSON_TYPE.test(responseHeaders["content-type"] ?? "");
    const parsed = parseBody(text, isJson && !truncated);
    const base = { status, headers: responseHeaders, truncated };

    if (status >= 200 && status < 300) {
      if (!parsed.malformed) return { ok: true, ...base, body: parsed.body, durationMs: durationMs() };
      // The target accepted the request (2xx) but we cannot read what it made:
      // the effect probably happened, so only a look-up may decide the next step.
      const failure: StepFailure = { class: "ambiguous", code: "malformed_response", message: `HTTP ${status} with an unparseable JSON body`, status };
      return { ok: false, failure, ...base, body: text, durationMs: durationMs() };
    }
    return { ok: false, failure: statusFailure(status, responseHeaders, request), ...base, body: parsed.body, durationMs: durationMs() };
  } catch (error) {
    return { ok: false, failure: classifyTransportError(error, { requestSent: sent }), durationMs: durationMs() };
  }
}

function statusFailure(status: number, headers: Record<string, string>, request: HttpCallRequest): StepFailure {
  const failureClass = classifyHttpStatus(status, { idempotentRequest: request.idempotentRequest });
  if (failureClass === null) {
    // 1xx/3xx: redirects are not followed (R23); a 3xx after a POST may still
    // mean the effect happened, so it surfaces for a person rather than a retry.
    return { class: "permanent", code: "redirect_not_followed", message: `HTTP ${status} from ${hostOf(request.url)}; redirects are not followed`, status };
  }
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(headers["retry-after"], new Date()) : null;
  return {
    class: failureClass,
    code: `http_${status}`,
    message: `HTTP ${status} from ${request.method.toUpperCase()} ${hostOf(request.url)}`,
    status,
    ...(retryAfterMs === null ? {} : { retryAfterMs }),
  };
}

function parseBody(text: string, asJson: boolean): { body: unknown; malformed: boolean } {
  if (text === "") return { body: null, malformed: false };
  if (!asJson) return { body: text, malformed: false };
  try {
    return { body: JSON.parse(text) as unknown, malformed: false };
  } catch {
    return { body: text, malformed: true };
  }
}

function agentFor(connectTimeoutMs: number): Agent {
  let agent = agents.get(connectTimeoutMs);
  if (!agent) {
    agent = new Agent({ connect: { timeout: connectTimeoutMs } });
    agents.set(connectTimeoutMs, agent);
  }
  return agent;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

/** Host and port only: paths and query strings can carry tokens (e.g. Telegram's /bot<token>/). */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "invalid URL";
  }
}
