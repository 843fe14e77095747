import { findCatalogName } from "@/lib/connector-limits/connector-catalog";
import { connectorOf } from "@/lib/connector-limits/connector-of";
import { withCallPermit } from "@/lib/connector-limits/with-call-permit";
import { performHttpCall, type HttpCallRequest, type HttpCallResult } from "@/lib/connectors/http-call";
import { applyResponseQuirks } from "@/lib/connectors/response-quirks";
import { applyCredentialAndCall } from "@/lib/credentials/apply-credential-and-call";
import type { HttpMethod } from "@/lib/flows/schema";
import { renderTemplate, renderTemplateString } from "@/lib/mapping/render-template";
import { setPath } from "@/lib/mapping/set-path";
import { resolveCredential } from "@/lib/nodes/resolve-credential";
import { buildTemplateContext } from "@/lib/nodes/template-context";
import type { StepContext, StepExchange } from "@/lib/nodes/types";

/** A request as a node's config describes it: templates still unrendered. */
export type StepRequest = {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  /** Any JSON; string leaves may hold {{path}} placeholders. */
  body?: unknown;
  timeoutMs: number;
  credentialRef?: string;
  followRedirects?: boolean;
  /** The connector whose limits, Retry-After and breaker the call counts against; by default its host (and credential). */
  connector?: string;
};

export type SendStepRequestOptions = {
  request: StepRequest;
  context: StepContext;
  /** Set after the configured headers, so a config cannot override them (the idempotency key). */
  extraHeaders?: Record<string, string>;
  /** Whether repeating this call cannot double its effect; decides how a 500 is classified (R8). */
  idempotentRequest: boolean;
  /** Written into the rendered body, e.g. the idempotency key into the record's own field. */
  bodyField?: { path: string; value: string };
};

export type SentStepRequest = { result: HttpCallResult; exchange: StepExchange };

/**
 * Renders a node's request against the step's input and sends it: the one
 * outbound path of http-request and lookup nodes. With `credentialRef`, the
 * credential of that name in the run's environment authenticates the call;
 * the exchange is recorded as sent, credential included, and masked when stored.
 */
export async function sendStepRequest({ request: spec, context, extraHeaders = {}, idempotentRequest, bodyField }: SendStepRequestOptions): Promise<SentStepRequest> {
  const scope = buildTemplateContext(context);
  // Values are encoded so a "/" or "&" inside one cannot change the path or query.
  const url = renderTemplateString(spec.url, scope, { encode: encodeURIComponent });
  const rendered = spec.body === undefined ? undefined : renderTemplate(spec.body, scope);
  const body = bodyField === undefined ? rendered : setPath(rendered ?? {}, bodyField.path, bodyField.value);
  const headers: Record<string, string> = {
    accept: "application/json",
    ...(body === undefined ? {} : { "content-type": "application/json" }),
    ...Object.fromEntries(Object.entries(spec.headers).map(([name, value]) => [name.toLowerCase(), renderTemplateString(value, scope)])),
    ...Object.fromEntries(Object.entries(extraHeaders).map(([name, value]) => [name.toLowerCase(), value])),
    // W3C trace context, so the provider's logs can be joined to ours.
    traceparent: `00-${context.run.traceId}-${context.run.traceId.slice(0, 16)}-01`,
  };
  const call: HttpCallRequest = { method: spec.method, url, headers, body, timeoutMs: spec.timeoutMs, idempotentRequest, followRedirects: spec.followRedirects ?? false, signal: context.signal };
  const { registerSecrets } = context;
  const credential = spec.credentialRef === undefined ? undefined : await resolveCredential({ name: spec.credentialRef, environment: context.run.environment, registerSecrets });
  // Per-connector limits, Retry-After and breaker (R10, R11): a permit before sending, returned with the outcome.
  const connector = connectorOf({ connector: spec.connector, url, credential });
  const catalogName = connector === null ? null : findCatalogName(connector);
  const { request, result } = await withCallPermit({ connector, callTimeoutMs: spec.timeoutMs, signal: context.signal }, async () => {
    const sent = credential === undefined ? { request: call, result: await performHttpCall(call) } : await applyCredentialAndCall({ credential, call, registerSecrets });
    // Provider quirks (an error inside a 200, a wait in the body) are read inside the permit, so the breaker and Retry-After see them too.
    return { request: sent.request, result: applyResponseQuirks(catalogName, sent.result) };
  });
  const exchange = {
    request: { method: request.method, url: request.url, headers: request.headers, body },
    response: result.status === undefined ? undefined : { status: result.status, headers: result.headers, body: result.body, truncated: result.truncated },
  };
  return { result, exchange };
}
