import { db } from "@/lib/db";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { getOutboundAllowList } from "@/lib/settings/get-outbound-allow-list";
import { invalidateOutboundPolicy } from "@/lib/settings/get-outbound-policy";
import { OUTBOUND_ALLOWLIST_KEY, outboundAllowListSchema, type OutboundSettings } from "@/lib/settings/schema";

export type UpdateOutboundAllowListOptions = {
  actor: NonNullable<AuditActor>;
  /** Already parsed by outboundAllowListSchema (canonical, de-duplicated). */
  entries: string[];
  ip?: string | null;
};

/**
 * Replaces the admin-managed allow-list and audits the change with the
 * lists before and after, in one transaction. This process's policy cache
 * is dropped at once; other processes pick the change up within seconds.
 */
export async function updateOutboundAllowList({ actor, entries, ip }: UpdateOutboundAllowListOptions): Promise<OutboundSettings> {
  await db.$transaction(async (tx) => {
    // The row lock makes concurrent saves queue, so each audit row's "before" is the list it really replaced.
    const rows = await tx.$queryRaw<Array<{ value: unknown }>>`SELECT value FROM "Setting" WHERE key = ${OUTBOUND_ALLOWLIST_KEY} FOR UPDATE`;
    const before = rows[0] ? outboundAllowListSchema.parse(rows[0].value) : [];
    await tx.setting.upsert({
      where: { key: OUTBOUND_ALLOWLIST_KEY },
      create: { key: OUTBOUND_ALLOWLIST_KEY, value: entries, updatedById: actor.userId },
      update: { value: entries, updatedById: actor.userId },
    });
    await recordAudit({ actor, action: "settings.update", target: { type: "setting", id: OUTBOUND_ALLOWLIST_KEY }, details: { before, after: entries }, ip, tx });
  });
  invalidateOutboundPolicy();
  return getOutboundAllowList();
}
