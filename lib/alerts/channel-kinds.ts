import type { ChannelKindDefinition } from "./channels/define-channel-kind";
import { telegramChannel } from "./channels/telegram";
import { webhookChannel } from "./channels/webhook";

/**
 * Every alert channel kind. E-mail over SMTP is not here: no SMTP client is
 * installed, and adding one (nodemailer) with its own outbound path is
 * left for a later change (see README, Alerts).
 */
export const CHANNEL_KINDS = {
  webhook: webhookChannel,
  telegram: telegramChannel,
} as const satisfies Record<string, ChannelKindDefinition>;

export type ChannelKind = keyof typeof CHANNEL_KINDS;
export const CHANNEL_KIND_NAMES = Object.keys(CHANNEL_KINDS) as [ChannelKind, ...ChannelKind[]];
