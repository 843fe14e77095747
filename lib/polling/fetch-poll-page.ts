import { connectorOf } from "@/lib/connector-limits/connector-of";
import { withCallPermit } from "@/lib/connector-limits/with-call-permit";
import { performHttpCall, type HttpCallRequest } from "@/lib/connectors/http-call";
import { applyCredentialAndCall } from "@/lib/credentials/apply-credential-and-call";
import type { StoredCredentialSecret } from "@/lib/credentials/read-credential-secret";
import type { SchedulePollConfig } from "@/lib/flows/schema";
import { getPath } from "@/lib/mapping/get-path";
import { renderTemplateString } from "@/lib/mapping/render-template";
import { StepFailureError } from "@/lib/runs/failure-class";

export type FetchPollPageOptions = {
  poll: SchedulePollConfig;
  /** Rendered into the URL and headers as {{cursor}}. */
  cursor: unknown;
  credential: StoredCredentialSecret | null;
  registerSecrets: (values: readonly string[]) => void;
  signal?: AbortSignal;
};

export type FetchedPage = { response: unknown; items: unknown[] };

/** A page of up to 1000 records is a few MiB; larger answers fail instead of being cut mid-JSON. */
const MAX_PAGE_BYTES = 16 * 1024 * 1024;

/**
 * Fetches one page through the same outbound path steps use: the outbound
 * policy on every connection (R23), the credential of `credentialRef`
 * applied at call time and bound to its allowed hosts, and the timeout.
 * Every failure is thrown as a classified StepFailureError (R8) whose
 * message names no URL path, header or body. Counts against its connector's
 * limits like a step's call (R10, R11); a StepDeferral means "not now".
 */
export async function fetchPollPage({ poll, cursor, credential, registerSecrets, signal }: FetchPollPageOptions): Promise<FetchedPage> {
  const scope = { cursor };
  // Encoded, so a page token with "&" or "/" cannot change the query or path.
  const url = renderTemplateString(poll.url, scope, { encode: encodeURIComponent });
  const headers: Record<string, string> = {
    accept: "application/json",
    ...Object.fromEntries(Object.entries(poll.headers).map(([name, value]) => [name.toLowerCase(), renderTemplateString(value, scope)])),
  };
  // A poll only reads, so repeating it is harmless: a 500 is temporary, never ambiguous.
  const call: HttpCallRequest = { method: poll.method, url, headers, timeoutMs: poll.timeoutMs, maxResponseBytes: MAX_PAGE_BYTES, idempotentRequest: true, signal };
  const connector = connectorOf({ connector: poll.connectorRef, url, credential });
  const { result } = await withCallPermit({ connector, callTimeoutMs: poll.timeoutMs, signal }, async () =>
    credential ? applyCredentialAndCall({ credential, call, registerSecrets }) : { result: await performHttpCall(call) },
  );
  // A poll only reads: a reset or timeout after sending leaves no effect to be unsure about.
  if (!result.ok) throw new StepFailureError(result.failure.class === "ambiguous" ? { ...result.failure, class: "temporary" } : result.failure);
  const response = parseResponse(result.body, result.truncated);
  const items = getPath(response, poll.itemsPath);
  if (!Array.isArray(items)) {
    throw new StepFailureError({ class: "permanent", code: "items_not_a_list", message: `The response has no list of items at "${poll.itemsPath}"`, status: result.status });
  }
  return { response, items };
}

/** Sources that send JSON as text/plain are common (1C HTTP services); their bodies arrive as strings. */
function parseResponse(body: unknown, truncated: boolean): unknown {
  if (truncated) throw new StepFailureError({ class: "permanent", code: "response_too_large", message: `The page is larger than ${MAX_PAGE_BYTES} bytes; ask the source for fewer items per page` });
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new StepFailureError({ class: "permanent", code: "malformed_response", message: "The page is not JSON" });
  }
}
