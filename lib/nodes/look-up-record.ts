import type { LookupRequest } from "@/lib/flows/schema";
import { getPath } from "@/lib/mapping/get-path";
import { sendStepRequest } from "@/lib/nodes/send-step-request";
import type { StepContext, StepExchange } from "@/lib/nodes/types";
import { StepFailureError, type StepFailure } from "@/lib/runs/failure-class";

export type LookedUpRecord = { found: true; record: unknown; exchange: StepExchange } | { found: false; exchange: StepExchange };

/**
 * Asks the target whether a record exists (by external id, say): the lookup
 * node, and the look-before-create of an ambiguous call (R8). A configured
 * not-found status (404 by default) or an empty result is an answer, not a
 * failure; anything else that goes wrong is thrown, classified.
 * `metered: false` is for a dry run only (see sendStepRequest).
 */
export async function lookUpRecord(request: LookupRequest, context: StepContext, { metered = true } = {}): Promise<LookedUpRecord> {
  // A lookup is a read: repeating it cannot double anything, which also makes a 500 temporary.
  const { result, exchange } = await sendStepRequest({ request, context, idempotentRequest: true, metered });
  if (!result.ok) {
    if (result.status !== undefined && request.notFoundStatuses.includes(result.status)) return { found: false, exchange };
    throw new StepFailureError(asReadFailure(result.failure), exchange);
  }
  const record = pickRecord(request.foundPath === undefined ? result.body : getPath(result.body, request.foundPath));
  return record === undefined ? { found: false, exchange } : { found: true, record, exchange };
}

/** The record at the found path: a list's first item; nothing, null or an empty list mean not found. */
export function pickRecord(value: unknown): unknown {
  const record = Array.isArray(value) ? (value as unknown[])[0] : value;
  return record === null ? undefined : record;
}

// A read that may have reached the target changed nothing there, so "sent,
// answer lost" is an ordinary temporary failure for it: retried, never
// stopped for review as an ambiguous write would be.
function asReadFailure(failure: StepFailure): StepFailure {
  return failure.class === "ambiguous" ? { ...failure, class: "temporary" } : failure;
}
