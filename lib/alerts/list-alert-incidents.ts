import { db } from "@/lib/db";

export type ListAlertIncidentsOptions = { limit: number };

/** Incident history, newest first, each with its rule's name and every notification sent for it. */
export async function listAlertIncidents({ limit }: ListAlertIncidentsOptions) {
  return db.alertIncident.findMany({
    orderBy: { openedAt: "desc" },
    take: limit,
    include: {
      rule: { select: { name: true, kind: true } },
      notifications: { orderBy: { sentAt: "asc" }, select: { id: true, kind: true, ok: true, error: true, sentAt: true, channel: { select: { name: true, kind: true } } } },
    },
  });
}
