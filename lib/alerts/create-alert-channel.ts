import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CHANNEL_KINDS } from "./channel-kinds";
import type { CreateAlertChannelInput } from "./schema";

export type CreateAlertChannelOptions = { actor: NonNullable<AuditActor>; input: CreateAlertChannelInput };

/**
 * Stores a channel that names a production vault credential of the type its
 * kind needs (checked now, so a typo is a 422 rather than a silent alert).
 */
export async function createAlertChannel({ actor, input }: CreateAlertChannelOptions) {
  const needed = CHANNEL_KINDS[input.kind].credentialType;
  const credential = await db.credential.findUnique({ where: { name_environment: { name: input.credentialRef, environment: "production" } }, select: { type: true } });
  if (!credential) throw new AppError("validation_failed", `credentialRef: no production credential named "${input.credentialRef}"`);
  if (credential.type !== needed) throw new AppError("validation_failed", `credentialRef: a ${input.kind} channel needs a ${needed} credential, not ${credential.type}`);
  try {
    return await db.$transaction(async (tx) => {
      const channel = await tx.alertChannel.create({ data: { ...input, config: input.config as Prisma.InputJsonObject } });
      await recordAudit({ actor, action: "alert.channel_create", target: { type: "alert_channel", id: channel.id }, details: { name: channel.name, kind: channel.kind }, tx });
      return channel;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", `An alert channel named "${input.name}" already exists`);
    throw error;
  }
}
