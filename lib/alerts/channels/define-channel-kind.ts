import type { z } from "zod";
import type { CredentialSecret, CredentialType } from "@/lib/credentials/schema";

export const NOTIFICATION_KINDS = ["firing", "repeat", "resolved", "test"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What every channel says: one line of text, built by formatAlertText. */
export type AlertMessage = { kind: NotificationKind; ruleName: string; summary: string; text: string };

export type ChannelSendResult = { ok: true } | { ok: false; error: string };

export type ChannelKindDefinition = {
  label: string;
  /** Non-secret settings stored in AlertChannel.config. */
  config: z.ZodType;
  /** The vault type holding the secret; the channel refuses a credential of another type. */
  credentialType: CredentialType;
  send: (input: { config: unknown; secret: CredentialSecret; message: AlertMessage }) => Promise<ChannelSendResult>;
};

/** Gives each entry one shape while the kind's own send sees its parsed config. */
export function defineChannelKind<S extends z.ZodType>(definition: {
  label: string;
  config: S;
  credentialType: CredentialType;
  send: (input: { config: z.output<S>; secret: CredentialSecret; message: AlertMessage }) => Promise<ChannelSendResult>;
}): ChannelKindDefinition {
  return { ...definition, send: (input) => definition.send({ ...input, config: definition.config.parse(input.config) }) };
}

/** Alert sends are short: a slow chat API must not hold the evaluation of the other rules. */
export const SEND_TIMEOUT_MS = 5_000;
