import type { HttpCallResult } from "@/lib/connectors/http-call";
import { redactString } from "@/lib/redact/redact-string";

/**
 * The stored error of a failed send: the call's classified message (built
 * without URL paths) and the status, never the response body, which a chat
 * API may use to quote the request back. Redacted once more for the
 * registered secrets in case a message ever grows a path.
 */
export function describeSendFailure(result: Extract<HttpCallResult, { ok: false }>): string {
  const status = result.status === undefined ? "" : ` (HTTP ${result.status})`;
  return redactString(`${result.failure.message}${status}`).slice(0, 500);
}
