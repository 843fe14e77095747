import { lookUpRecord } from "@/lib/nodes/look-up-record";
import { planAmbiguousRetry } from "@/lib/nodes/plan-ambiguous-retry";
import { pickExternalId } from "@/lib/nodes/pick-external-id";
import { planHttpRequestCall } from "@/lib/nodes/plan-http-request-call";
import { sendStepRequest } from "@/lib/nodes/send-step-request";
import { StepFailureError } from "@/lib/runs/failure-class";
import type { NodeExecutor, StepExchange } from "@/lib/nodes/types";

/**
 * One outbound call. The idempotency key comes from the context (persisted
 * before the first attempt), never from the clock or a random source, so
 * every retry of this business action carries the same key (R6).
 * After an ambiguous attempt against a target that ignores keys, the
 * configured lookup runs first: a record found is the step's result and
 * nothing is created a second time (R8).
 */
export const executeHttpRequest: NodeExecutor<"http-request"> = async (node, context) => {
  const { config } = node;
  const plan = planAmbiguousRetry(config);
  let lookedUp: StepExchange | undefined;
  if (context.afterAmbiguousAttempt && plan.kind === "look-up-first") {
    const existing = await lookUpRecord(plan.lookup, context);
    if (existing.found) return { output: existing.record, exchange: existing.exchange, externalId: pickExternalId(existing.record, config.externalIdPath) };
    lookedUp = existing.exchange;
  }
  const sent = await sendStepRequest({ ...planHttpRequestCall(config, context.idempotencyKey), context });
  // The attempt's record shows the lookup that cleared the way for this create.
  const exchange = lookedUp === undefined ? sent.exchange : { ...sent.exchange, request: { ...asRecord(sent.exchange.request), lookedUpFirst: lookedUp } };
  if (!sent.result.ok) throw new StepFailureError(sent.result.failure, exchange);
  return { output: sent.result.body, exchange, externalId: pickExternalId(sent.result.body, config.externalIdPath) };
};

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}
