import { performHttpCall, type HttpCallRequest, type HttpCallResult } from "@/lib/connectors/http-call";
import { applyCredentialAndCall } from "@/lib/credentials/apply-credential-and-call";
import type { HttpMethod } from "@/lib/flows/schema";
import { renderTemplate, renderTemplateString } from "@/lib/mapping/render-template";
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
};

export type SendStepRequestOptions = {
  request: StepRequest;
  context: StepContext;
  /** Set after the configured headers, so a config cannot override them (the idempotency key). */
  extraHeaders?: Record<string, string>;
  /** Whether repeating this call cannot double its effect; decides how a 500 is classified (R8). */
  idempotentRequest: boolean;
};

export type SentStepRequest = { result: HttpCallResult; exchange: StepExchange };

/**
 * Renders a node's request against the step's input and sends it: the one
 * outbound path of http-request and lookup nodes. With `credentialRef`, the
 * credential of that name in the run's environment authenticates the call;
 * the exchange is recorded as sent, credential included, and masked when stored.
 */
export async function sendStepRequest({ request: spec, context, extraHeaders = {}, idempotentRequest }: SendStepRequestOptions): Promise<SentStepRequest> {
  const scope = buildTemplateContext(context);
  // Values are encoded so a "/" or "&" inside one cannot change the path or query.
  const url = renderTemplateString(spec.url, scope, { encode: encodeURIComponent });
  const body = spec.body === undefined ? undefined : renderTemplate(spec.body, scope);
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
  const { request, result } =
    spec.credentialRef === undefined
      ? { request: call, result: await performHttpCall(call) }
      : await applyCredentialAndCall({
          credential: await resolveCredential({ name: spec.credentialRef, environment: context.run.environment, registerSecrets }),
          call,
          registerSecrets,
        });
  const exchange = {
    request: { method: request.method, url: request.url, headers: request.headers, body },
    response: result.status === undefined ? undefined : { status: result.status, headers: result.headers, body: result.body, truncated: result.truncated },
  };
  return { result, exchange };
}
