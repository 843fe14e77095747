import { createHash } from "node:crypto";

export type IdempotencyKeyParts = {
  flowId: string;
  nodeId: string;
  /** The event's business key, else its provider event id, else our event id. */
  businessKey: string;
};

/**
 * One key per business action (R6): the same flow, step and business key
 * always give the same key, across job retries, crash recovery, replays and
 * new flow versions, so the target can recognise a repeat.
 */
export function deriveIdempotencyKey({ flowId, nodeId, businessKey }: IdempotencyKeyParts): string {
  const digest = createHash("sha256").update(JSON.stringify([flowId, nodeId, businessKey])).digest("hex");
  return `fg_${digest.slice(0, 40)}`;
}

export function pickBusinessKey(event: { id: string; providerEventId: string | null; businessKey: string | null }): string {
  return event.businessKey ?? (event.providerEventId ? `event:${event.providerEventId}` : `internal:${event.id}`);
}
