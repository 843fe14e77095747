import { request as undiciRequest, type Dispatcher } from "undici";
import { parseRetryAfter } from "@/lib/runs/backoff";
import { classifyHttpStatus, classifyTransportError } from "@/lib/runs/classify-failure";
import type { StepFailure } from "@/lib/runs/failure-class";
import { knownSecrets } from "@/lib/redact/known-secrets";
import { maskCutSecret } from "@/lib/redact/mask-cut-secret";
import { redactString } from "@/lib/redact/redact-string";
import { getOutboundPolicy } from "@/lib/settings/get-outbound-policy";
import { getOutboundAgent } from "./get-outbound-agent";
import { OutboundRefusedError } from "./guarded-lookup";
import type { OutboundPolicy, OutboundRefusal } from "./outbound-policy";
import { readResponseBody } from "./read-response-body";
import { redirectRequest, type HttpHop } from "./redirect-request";
import { trackRequestSent } from "./track-request-sent";
import { hostOf } from "./host-of";

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
  /** Follow up to 5 redirects, each target checked by the outbound policy; off by default (R23). */
  followRedirects?: boolean;
  /**
   * The request carries a credential. Its secret may sit in any header, the
   * query or the path (secret URLs), so no redirect may take it to another
   * origin: such a redirect fails instead of being followed.
   */
  credentialed?: boolean;
  /** The policy to enforce; defaults to the effective one (OUTBOUND_ALLOWLIST plus the admin's list). */
  outbound?: OutboundPolicy;
  signal?: AbortSignal;
};

export type HttpCallResult =
  | { ok: true; status: number; headers: Record<string, string>; body: unknown; truncated: boolean; durationMs: number }
  | { ok: false; failure: StepFailure; status?: number; headers?: Record<string, string>; body?: unknown; truncated?: boolean; durationMs: number };

const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 5;
const JSON_TYPE = /[/+]json\b/i;

/**
 * One outbound HTTP call whose every outcome is a value: success, or a
 * classified failure (R8). Never throws for network or HTTP errors. Enforces
 * the outbound policy on every connection and every redirect hop (R23), and
 * builds failure messages without URL paths, headers or bodies so nothing
 * secret reaches a stored error (R20).
 */
export async function performHttpCall(request: HttpCallRequest): Promise<HttpCallResult> {
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  let policy: OutboundPolicy;
  try {
    policy = request.outbound ?? (await getOutboundPolicy());
  } catch (error) {
    // The settings row could not be read (database away): nothing was sent, so a retry is safe.
    // The cause goes into the step's error, where an operator looks first.
    const cause = redactString(error instanceof Error ? error.message : String(error)).slice(0, 300);
    const message = `the outbound allow-list could not be loaded: ${cause}`;
    return { ok: false, failure: { class: "temporary", code: "outbound_policy_unavailable", message }, durationMs: durationMs() };
  }
  let sent = false;
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  const dispatcher = trackRequestSent(getOutboundAgent(policy, request.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS), () => {
    sent = true;
  });
  let hop: HttpHop = { method: request.method, url: request.url, headers: request.headers, body: request.body };

  try {
    for (let redirects = 0; ; redirects += 1) {
      const url = new URL(hop.url);
      const refusal = policy.checkUrl(url);
      if (refusal) return { ok: false, failure: refusedFailure(refusal), durationMs: durationMs() };
      const hasBody = hop.body !== undefined;
      const response = await undiciRequest(url, {
        method: hop.method as Dispatcher.HttpMethod,
        headers: hasBody && !hasHeader(hop.headers, "content-type") ? { ...hop.headers, "content-type": "application/json" } : hop.headers,
        body: !hasBody ? undefined : typeof hop.body === "string" ? hop.body : JSON.stringify(hop.body),
        signal,
        // undici's own defaults are 300 s each; no phase may outlive the total budget.
        headersTimeout: request.timeoutMs,
        bodyTimeout: request.timeoutMs,
        dispatcher,
      });
      const location = response.headers.location;
      const next = request.followRedirects ? redirectRequest(hop, response.statusCode, typeof location === "string" ? location : undefined) : null;
      if (next === null) return await readResult(response, hop, request, durationMs);
      await response.body.dump();
      if (request.credentialed && new URL(next.url).origin !== url.origin) {
        const failure: StepFailure = { class: "permanent", code: "redirect_cross_origin_refused", message: `a credentialed call to ${hostOf(hop.url)} was redirected to ${hostOf(next.url)}; not followed`, status: response.statusCode };
        return { ok: false, failure, status: response.statusCode, durationMs: durationMs() };
      }
      if (redirects === MAX_REDIRECTS) {
        const failure: StepFailure = { class: "permanent", code: "too_many_redirects", message: `more than ${MAX_REDIRECTS} redirects, last from ${hostOf(hop.url)}`, status: response.statusCode };
        return { ok: false, failure, status: response.statusCode, durationMs: durationMs() };
      }
      hop = next;
    }
  } catch (error) {
    const refusal = findRefusal(error);
    if (refusal) return { ok: false, failure: refusedFailure(refusal), durationMs: durationMs() };
    return { ok: false, failure: classifyTransportError(error, { requestSent: sent }), durationMs: durationMs() };
  }
}

async function readResult(response: Dispatcher.ResponseData, hop: HttpHop, request: HttpCallRequest, durationMs: () => number): Promise<HttpCallResult> {
  const responseHeaders = flattenHeaders(response.headers);
  const read = await readResponseBody(response.body, request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
  const { truncated } = read;
  const text = truncated ? maskCutSecret(read.text, knownSecrets()) : read.text;
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
  return { ok: false, failure: statusFailure(status, responseHeaders, hop, request), ...base, body: parsed.body, durationMs: durationMs() };
}

/** Permanent: the same call would be refused again until an admin changes the allow-list. */
function refusedFailure(refusal: OutboundRefusal): StepFailure {
  return { class: "permanent", code: "outbound_refused", message: refusal.message };
}

/** undici may wrap the error raised by the socket's lookup; walk `cause` to find ours. */
function findRefusal(error: unknown): OutboundRefusal | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    if (current instanceof OutboundRefusedError) return current.refusal;
  }
  return null;
}

function statusFailure(status: number, headers: Record<string, string>, hop: HttpHop, request: HttpCallRequest): StepFailure {
  const failureClass = classifyHttpStatus(status, { idempotentRequest: request.idempotentRequest });
  if (failureClass === null) {
    // 1xx/3xx not followed (followRedirects off, or not a redirect we follow);
    // a 3xx after a POST may still mean the effect happened, so it surfaces
    // for a person rather than a retry.
    return { class: "permanent", code: "redirect_not_followed", message: `HTTP ${status} from ${hostOf(hop.url)}; redirect not followed`, status };
  }
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(headers["retry-after"], new Date()) : null;
  return {
    class: failureClass,
    code: `http_${status}`,
    message: `HTTP ${status} from ${hop.method.toUpperCase()} ${hostOf(hop.url)}`,
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

