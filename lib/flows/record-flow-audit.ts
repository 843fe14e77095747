import type { DbTransaction } from "@/lib/db";
import type { FlowActor } from "@/lib/audit/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditAction } from "@/lib/audit/schema";

export type RecordFlowAuditOptions = {
  /** The change's own transaction: a flow change never commits without its audit row, nor the row without the change. */
  tx: DbTransaction;
  actor: FlowActor;
  action: Extract<AuditAction, `flow.${string}`>;
  flow: { id: string; name: string };
  /** Names and numbers only. A draft's header values may be secrets, so no part of a definition is ever copied here. */
  details?: Record<string, unknown>;
};

/** One audit row for a flow change, targeting the flow and naming it, so the row stays readable after a rename. */
export function recordFlowAudit({ tx, actor, action, flow, details }: RecordFlowAuditOptions): Promise<void> {
  return recordAudit({ tx, actor, ip: actor.ip, action, target: { type: "flow", id: flow.id }, details: { name: flow.name, ...details } });
}
