import type { DedupConfig } from "@/lib/flows/schema";

/** Where a rule's keys live: one flow, every flow writing to one connector, or all flows. */
export function dedupScopeOf(config: Pick<DedupConfig, "scope" | "connector">, flowId: string): string {
  if (config.scope === "global") return "global";
  if (config.scope === "connector") return `connector:${config.connector ?? ""}`;
  return `flow:${flowId}`;
}
