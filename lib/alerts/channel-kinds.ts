import type { ChannelKindDefinition } from "./channels/define-channel-kind";
import { emailChannel } from "./channels/email";
import { telegramChannel } from "./channels/telegram";
import { webhookChannel } from "./channels/webhook";

/** Every alert channel kind; each names the vault credential type holding its secret. */
export const CHANNEL_KINDS = {
  webhook: webhookChannel,
  telegram: telegramChannel,
  email: emailChannel,
} as const satisfies Record<string, ChannelKindDefinition>;

export type ChannelKind = keyof typeof CHANNEL_KINDS;
export const CHANNEL_KIND_NAMES = Object.keys(CHANNEL_KINDS) as [ChannelKind, ...ChannelKind[]];
