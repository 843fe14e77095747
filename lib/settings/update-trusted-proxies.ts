import { db } from "@/lib/db";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { TRUSTED_PROXIES_KEY, trustedProxiesSchema } from "@/lib/settings/schema";

export type UpdateTrustedProxiesOptions = { actor: NonNullable<AuditActor>; trustedProxies: number; ip?: string | null };

/** Saves the proxy count and audits it with the value it replaced, in one transaction. */
export async function updateTrustedProxies({ actor, trustedProxies, ip }: UpdateTrustedProxiesOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ value: unknown }>>`SELECT value FROM "Setting" WHERE key = ${TRUSTED_PROXIES_KEY} FOR UPDATE`;
    const before = trustedProxiesSchema.safeParse(rows[0]?.value);
    await tx.setting.upsert({
      where: { key: TRUSTED_PROXIES_KEY },
      create: { key: TRUSTED_PROXIES_KEY, value: trustedProxies, updatedById: actor.userId },
      update: { value: trustedProxies, updatedById: actor.userId },
    });
    const details = { before: before.success ? before.data : 0, after: trustedProxies };
    await recordAudit({ actor, action: "settings.update", target: { type: "setting", id: TRUSTED_PROXIES_KEY }, details, ip, tx });
  });
}
