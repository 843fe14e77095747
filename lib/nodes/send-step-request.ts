import { findCatalogName } from "@/lib/connector-limits/connector-catalog";
import { connectorOf } from "@/lib/connector-limits/connector-of";
import { withCallPermit } from "@/lib/connector-limits/with-call-permit";
import { performHttpCall, type HttpCallResult } from "@/lib/connectors/http-call";
import { applyResponseQuirks } from "@/lib/connectors/response-quirks";
import { applyCredentialAndCall } from "@/lib/credentials/apply-credential-and-call";
import { buildStepRequest, type BuildStepRequestOptions } from "@/lib/nodes/build-step-request";
import { resolveCredential } from "@/lib/nodes/resolve-credential";
import type { StepContext, StepExchange } from "@/lib/nodes/types";

export type { StepRequest } from "@/lib/nodes/build-step-request";

export type SendStepRequestOptions = Omit<BuildStepRequestOptions, "context"> & {
  context: StepContext;
  /**
   * False only for a dry run's read-only lookup: no permit is taken, so
   * nothing is written, and the call does not count against the connector.
   */
  metered?: boolean;
};

export type SentStepRequest = { result: HttpCallResult; exchange: StepExchange };

/**
 * Renders a node's request (buildStepRequest) and sends it: the one outbound
 * path of http-request and lookup nodes. With `credentialRef`, the
 * credential of that name in the run's environment authenticates the call;
 * the exchange is recorded as sent, credential included, and masked when stored.
 */
export async function sendStepRequest({ context, metered = true, ...options }: SendStepRequestOptions): Promise<SentStepRequest> {
  const spec = options.request;
  const call = buildStepRequest({ ...options, context });
  const { registerSecrets } = context;
  const credential = spec.credentialRef === undefined ? undefined : await resolveCredential({ name: spec.credentialRef, environment: context.run.environment, registerSecrets });
  // Per-connector limits, Retry-After and breaker (R10, R11): a permit before sending, returned with the outcome.
  const connector = connectorOf({ connector: spec.connector, url: call.url, credential });
  if (connector !== null) context.noteConnector?.(connector.key);
  const catalogName = connector === null ? null : findCatalogName(connector);
  const send = async () => {
    const sent = credential === undefined ? { request: call, result: await performHttpCall(call) } : await applyCredentialAndCall({ credential, call, registerSecrets });
    // Provider quirks (an error inside a 200, a wait in the body) are read inside the permit, so the breaker and Retry-After see them too.
    return { request: sent.request, result: applyResponseQuirks(catalogName, sent.result) };
  };
  const { request, result } = metered ? await withCallPermit({ connector, callTimeoutMs: spec.timeoutMs, signal: context.signal }, send) : await send();
  const exchange = {
    request: { method: request.method, url: request.url, headers: request.headers, body: call.body },
    response: result.status === undefined ? undefined : { status: result.status, headers: result.headers, body: result.body, truncated: result.truncated },
  };
  return { result, exchange };
}
