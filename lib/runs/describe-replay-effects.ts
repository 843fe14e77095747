import type { FlowDefinition } from "@/lib/flows/schema";

/** How a repeated call is kept from making a second record (R6, R8). */
export type EffectProtection = "idempotency-key" | "lookup" | "none";

/** An http-request step whose call a replay sends again. */
export type ReplayEffect = { nodeId: string; label: string; method: string; idempotencyHonoured: boolean; protection: EffectProtection };

/**
 * The calls a replay of `definition` repeats, each with what protects it: a
 * target that honours the key answers a repeat with the record it already
 * made; one that does not is looked up first where a lookup is configured,
 * and otherwise may create the record twice. Reads repeat nothing and are left out.
 */
export function describeReplayEffects(definition: FlowDefinition): ReplayEffect[] {
  return definition.nodes.flatMap((node) => {
    if (node.kind !== "http-request" || node.config.method === "GET") return [];
    const { idempotencyHonoured, existingRecordLookup } = node.config;
    const protection: EffectProtection = idempotencyHonoured ? "idempotency-key" : existingRecordLookup ? "lookup" : "none";
    return [{ nodeId: node.id, label: node.label ?? node.id, method: node.config.method, idempotencyHonoured, protection }];
  });
}
