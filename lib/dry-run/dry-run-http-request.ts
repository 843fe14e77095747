import { buildStepRequest } from "@/lib/nodes/build-step-request";
import { planHttpRequestCall } from "@/lib/nodes/plan-http-request-call";
import { showCredential } from "@/lib/dry-run/show-credential";
import type { DryRunner } from "@/lib/dry-run/types";

/**
 * The exact request the run would send (the executor's own plan and
 * builder, the same idempotency key), never sent. Its response is unknown,
 * so the steps after it are not reached.
 */
export const dryRunHttpRequest: DryRunner<"http-request"> = async (node, context) => {
  const { config } = node;
  const plan = planHttpRequestCall(config, context.idempotencyKey);
  const call = buildStepRequest({ ...plan, context });
  const sent = config.credentialRef === undefined ? call : await showCredential(config.credentialRef, call, context);
  return {
    request: { method: call.method, url: sent.url, headers: sent.headers, body: call.body, idempotencyKey: plan.idempotencyKey, idempotencyHeader: config.idempotencyHeader },
    note: "Not sent: a dry run has no external effect",
    stop: `Not reached: it would run on the response of "${node.id}", which a dry run does not send`,
  };
};
