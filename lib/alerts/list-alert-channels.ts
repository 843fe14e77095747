import { db } from "@/lib/db";

/** Channels with their last notification; the secret is in the vault, so nothing here is secret. */
export async function listAlertChannels() {
  return db.alertChannel.findMany({
    orderBy: { name: "asc" },
    include: { notifications: { orderBy: { sentAt: "desc" }, take: 1, select: { kind: true, ok: true, error: true, sentAt: true } } },
  });
}
