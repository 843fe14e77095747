import type { FlowDefinitionInput } from "@/lib/flows/schema";
import { CHAOS_CONNECTOR_KEY } from "@/tests/chaos/chaos-options";

/** What the chaos flow's call is allowed: short enough that a hung answer is timed out and retried with its key. */
export const CHAOS_CALL_TIMEOUT_MS = 1_500;
/** Attempts the call step may make; a retryable failure ends the run only after this many (or the time budget). */
export const CHAOS_MAX_ATTEMPTS = 8;

/**
 * An order webhook becomes a CRM record. The call carries the order id as
 * externalId, so the fake provider's ledger books every request under its
 * business action, and the order's version, so a stale version applied late
 * is visible in the record. Retries are quick and many, and the time budget
 * is long, so worker kills and the database restart never exhaust it.
 */
export function buildChaosFlowDefinition(targetUrl: string): FlowDefinitionInput {
  return {
    schemaVersion: 1,
    nodes: [
      {
        id: "webhook",
        kind: "webhook-trigger",
        position: { x: 0, y: 0 },
        config: { eventIdPath: "id", businessKeyPath: "order.id", entityVersionPath: "order.version" },
      },
      {
        id: "map",
        kind: "map-fields",
        position: { x: 320, y: 0 },
        config: {
          mappings: [
            { target: "orderId", source: "order.id", transform: [{ type: "to-string" }] },
            { target: "version", source: "order.version", transform: [{ type: "to-number" }] },
            { target: "amount", source: "order.total", transform: [{ type: "to-number" }] },
          ],
        },
      },
      {
        id: "create",
        kind: "http-request",
        position: { x: 640, y: 0 },
        config: {
          connector: CHAOS_CONNECTOR_KEY,
          method: "POST",
          url: targetUrl,
          body: { externalId: "{{orderId}}", version: "{{version}}", amount: "{{amount}}" },
          timeoutMs: CHAOS_CALL_TIMEOUT_MS,
          // A large run's backlog keeps steps waiting on the breaker for far longer than
          // 15 minutes; the time budget must not end them, so that "given up with
          // attempts left" judges the engine, not the backlog.
          retry: { maxAttempts: CHAOS_MAX_ATTEMPTS, baseDelayMs: 200, maxDelayMs: 2_000, maxElapsedMs: 6 * 3_600_000 },
        },
      },
    ],
    edges: [
      { id: "webhook-map", source: "webhook", target: "map" },
      { id: "map-create", source: "map", target: "create" },
    ],
  };
}
