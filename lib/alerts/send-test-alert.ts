import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { sendToChannel } from "./send-to-channel";

export type SendTestAlertOptions = { actor: NonNullable<AuditActor>; channelId: string; now?: Date };

/** "Send test alert": one message through the channel, recorded as a `test` notification either way. */
export async function sendTestAlert({ actor, channelId, now = new Date() }: SendTestAlertOptions) {
  const channel = await db.alertChannel.findUnique({ where: { id: channelId } });
  if (!channel) throw new AppError("not_found", "Alert channel not found");
  const notification = await sendToChannel({ channel, kind: "test", ruleName: "test", summary: `a test message sent by ${actor.email}`, incidentId: null, now });
  await recordAudit({ actor, action: "alert.test", outcome: notification.ok ? "success" : "failure", target: { type: "alert_channel", id: channelId } });
  return notification;
}
