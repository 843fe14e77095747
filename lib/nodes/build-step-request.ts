import type { HttpCallRequest } from "@/lib/connectors/http-call";
import type { HttpMethod } from "@/lib/flows/schema";
import { renderTemplate, renderTemplateString } from "@/lib/mapping/render-template";
import { setPath } from "@/lib/mapping/set-path";
import { buildTemplateContext, type TemplateSource } from "@/lib/nodes/template-context";

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

export type BuildStepRequestOptions = {
  request: StepRequest;
  context: TemplateSource & { signal?: AbortSignal };
  /** Set after the configured headers, so a config cannot override them (the idempotency key). */
  extraHeaders?: Record<string, string>;
  /** Whether repeating this call cannot double its effect; decides how a 500 is classified (R8). */
  idempotentRequest: boolean;
  /** Written into the rendered body, e.g. the idempotency key into the record's own field. */
  bodyField?: { path: string; value: string };
};

/**
 * Renders a node's request against the step's input, as it will be sent
 * before any credential is applied. Pure: the executor sends what this
 * returns and a dry run shows it, so the two cannot drift apart.
 */
export function buildStepRequest({ request: spec, context, extraHeaders = {}, idempotentRequest, bodyField }: BuildStepRequestOptions): HttpCallRequest {
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
  return { method: spec.method, url, headers, body, timeoutMs: spec.timeoutMs, idempotentRequest, followRedirects: spec.followRedirects ?? false, signal: context.signal };
}
