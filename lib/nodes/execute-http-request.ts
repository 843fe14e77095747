import { performHttpCall, type HttpCallRequest } from "@/lib/connectors/http-call";
import { connectorOf } from "@/lib/connector-limits/connector-of";
import { withCallPermit } from "@/lib/connector-limits/with-call-permit";
import { applyCredentialAndCall } from "@/lib/credentials/apply-credential-and-call";
import { renderTemplate, renderTemplateString } from "@/lib/mapping/render-template";
import { setPath } from "@/lib/mapping/set-path";
import { formatIdempotencyKey } from "@/lib/runs/format-idempotency-key";
import { findCatalogName } from "@/lib/connector-limits/connector-catalog";
import { applyResponseQuirks } from "@/lib/connectors/response-quirks";
import { resolveCredential } from "@/lib/nodes/resolve-credential";
import { buildTemplateContext } from "@/lib/nodes/template-context";
import { StepFailureError } from "@/lib/runs/failure-class";
import type { NodeExecutor } from "@/lib/nodes/types";

/**
 * One outbound call. The idempotency key comes from the context (persisted
 * before the first attempt), never from the clock or a random source, so
 * every retry of this business action carries the same key (R6).
 * With `credentialRef`, the credential of that name in the run's environment
 * authenticates the call; the exchange is recorded as sent, credential
 * included, and masked when stored.
 */
export const executeHttpRequest: NodeExecutor<"http-request"> = async (node, context) => {
  const { config } = node;
  const scope = buildTemplateContext(context);
  // Values are encoded so a "/" or "&" inside one cannot change the path or query.
  const url = renderTemplateString(config.url, scope, { encode: encodeURIComponent });
  const idempotencyKey = formatIdempotencyKey(context.idempotencyKey, config.idempotencyKeyFormat);
  const rendered = config.body === undefined ? undefined : renderTemplate(config.body, scope);
  const body = config.idempotencyKeyPath === undefined ? rendered : setPath(rendered ?? {}, config.idempotencyKeyPath, idempotencyKey);
  const headers: Record<string, string> = {
    accept: "application/json",
    ...(body === undefined ? {} : { "content-type": "application/json" }),
    ...Object.fromEntries(Object.entries(config.headers).map(([name, value]) => [name.toLowerCase(), renderTemplateString(value, scope)])),
    [config.idempotencyHeader.toLowerCase()]: idempotencyKey,
    // W3C trace context, so the provider's logs can be joined to ours.
    traceparent: `00-${context.run.traceId}-${context.run.traceId.slice(0, 16)}-01`,
  };
  const call: HttpCallRequest = { method: config.method, url, headers, body, timeoutMs: config.timeoutMs, idempotentRequest: true, followRedirects: config.followRedirects, signal: context.signal };
  const { registerSecrets } = context;
  const credential = config.credentialRef === undefined ? undefined : await resolveCredential({ name: config.credentialRef, environment: context.run.environment, registerSecrets });
  // Per-connector limits, Retry-After and breaker (R10, R11): a permit before sending, returned with the outcome.
  const connector = connectorOf({ connector: config.connector, url, credential });
  // Provider quirks (an error inside a 200, a wait in the body) are read inside the permit, so the breaker and Retry-After see them too.
  const catalogName = connector === null ? null : findCatalogName(connector);
  const { request, result } = await withCallPermit({ connector, callTimeoutMs: config.timeoutMs, signal: context.signal }, async () => {
    const sent = credential === undefined ? { request: call, result: await performHttpCall(call) } : await applyCredentialAndCall({ credential, call, registerSecrets });
    return { request: sent.request, result: applyResponseQuirks(catalogName, sent.result) };
  });
  const exchange = {
    request: { method: request.method, url: request.url, headers: request.headers, body },
    response: result.status === undefined ? undefined : { status: result.status, headers: result.headers, body: result.body, truncated: result.truncated },
  };
  if (!result.ok) throw new StepFailureError(result.failure, exchange);
  return { output: result.body, exchange };
};
