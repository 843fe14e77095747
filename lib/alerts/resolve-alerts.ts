import type { DbTransaction } from "@/lib/db";
import type { AlertKind } from "./schema";

export type ResolveAlertsOptions = { tx: DbTransaction; kind: AlertKind; subject: string };

/** Marks the open alerts of a kind about a subject resolved; returns how many there were. */
export async function resolveAlerts({ tx, kind, subject }: ResolveAlertsOptions): Promise<number> {
  const { count } = await tx.alert.updateMany({ where: { kind, subject, resolvedAt: null }, data: { resolvedAt: new Date() } });
  return count;
}
