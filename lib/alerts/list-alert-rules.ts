import { db } from "@/lib/db";

/** Every rule with its state: `firing` while it has an open incident. */
export async function listAlertRules() {
  const rules = await db.alertRule.findMany({
    orderBy: { name: "asc" },
    include: { incidents: { where: { resolvedAt: null }, select: { id: true, openedAt: true, summary: true }, take: 1 } },
  });
  return rules.map(({ incidents, ...rule }) => ({ ...rule, state: incidents.length > 0 ? ("firing" as const) : ("ok" as const), openIncident: incidents[0] ?? null }));
}
