import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";

export type DeleteAlertChannelOptions = { actor: NonNullable<AuditActor>; channelId: string };

/**
 * Deletes a channel with its history (audited). Refused (409) while a rule
 * still names it: the rule would go on firing to no one, which is the silent
 * alert check-rule-references.ts exists to prevent. The check and the delete
 * share a transaction that locks the channel row, so a rule saved meanwhile
 * cannot slip between them.
 */
export async function deleteAlertChannel({ actor, channelId }: DeleteAlertChannelOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ name: string }[]>`SELECT "name" FROM "AlertChannel" WHERE "id" = ${channelId}::uuid FOR UPDATE`;
    const channel = locked[0];
    if (!channel) throw new AppError("not_found", "Alert channel not found");
    const rules = await tx.alertRule.findMany({ where: { channelIds: { has: channelId } }, select: { name: true }, orderBy: { name: "asc" } });
    if (rules.length > 0) {
      throw new AppError("conflict", `Channel "${channel.name}" is used by ${rules.map((r) => `"${r.name}"`).join(", ")}: remove it from those rules first`);
    }
    await tx.alertChannel.delete({ where: { id: channelId } });
    await recordAudit({ actor, action: "alert.channel_delete", target: { type: "alert_channel", id: channelId }, details: { name: channel.name }, tx });
  });
}
