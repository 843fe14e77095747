import type { HttpRequestConfig } from "@/lib/flows/schema";
import type { BuildStepRequestOptions } from "@/lib/nodes/build-step-request";
import { formatIdempotencyKey } from "@/lib/runs/format-idempotency-key";

export type HttpRequestCallPlan = Omit<BuildStepRequestOptions, "context"> & {
  /** The key as sent: the step's key (R6) in the format the target wants. */
  idempotencyKey: string;
};

/** Methods a repeat cannot double; any method is, where the target honours the key. */
const REPEATABLE_METHODS = new Set(["GET", "PUT", "DELETE"]);

/**
 * How an http-request node's call carries its idempotency key: in the
 * configured header (set last, so no configured header can replace it) and,
 * with idempotencyKeyPath, inside the body. Shared by the executor and the
 * dry run, which shows the key the run would send.
 */
export function planHttpRequestCall(config: HttpRequestConfig, stepKey: string): HttpRequestCallPlan {
  const idempotencyKey = formatIdempotencyKey(stepKey, config.idempotencyKeyFormat);
  return {
    request: config,
    idempotencyKey,
    extraHeaders: { [config.idempotencyHeader]: idempotencyKey },
    bodyField: config.idempotencyKeyPath === undefined ? undefined : { path: config.idempotencyKeyPath, value: idempotencyKey },
    idempotentRequest: config.idempotencyHonoured || REPEATABLE_METHODS.has(config.method),
  };
}
