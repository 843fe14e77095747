/** Shapes an idempotency key can be sent in (format-idempotency-key.ts); apart, so the flow schema stays free of node:crypto for the editor's browser code. */
export const IDEMPOTENCY_KEY_FORMATS = ["token", "uuid"] as const;
export type IdempotencyKeyFormat = (typeof IDEMPOTENCY_KEY_FORMATS)[number];
