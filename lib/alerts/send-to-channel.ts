import type { DbTransaction } from "@/lib/db";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readCredentialSecret, secretValuesOf } from "@/lib/credentials/read-credential-secret";
import { redactString } from "@/lib/redact/redact-string";
import { createSecretScope } from "@/lib/redact/secret-scope";
import { CHANNEL_KINDS, type ChannelKind } from "./channel-kinds";
import type { ChannelSendResult, NotificationKind } from "./channels/define-channel-kind";
import { formatAlertText } from "./format-alert-text";

export type AlertChannelRow = { id: string; name: string; kind: string; config: unknown; credentialRef: string | null };

export type SendToChannelOptions = {
  channel: AlertChannelRow;
  kind: NotificationKind;
  ruleName: string;
  summary: string;
  incidentId: string | null;
  now: Date;
  /** Where the notification row goes: the evaluation's transaction, so a rolled-back decision leaves no history. */
  tx?: DbTransaction;
};

/**
 * Sends one message and records it. Never throws for a failed send: the
 * failure is the notification's `error` (masked), so one broken channel
 * neither blocks the others nor the incident.
 */
export async function sendToChannel({ channel, kind, ruleName, summary, incidentId, now, tx }: SendToChannelOptions) {
  const result = await deliver(channel, { kind, ruleName, summary, text: formatAlertText({ kind, ruleName, summary }) });
  return (tx ?? db).alertNotification.create({
    data: { incidentId, channelId: channel.id, kind, sentAt: now, ok: result.ok, error: result.ok ? null : result.error },
    select: { id: true, kind: true, ok: true, error: true, sentAt: true, channelId: true },
  });
}

async function deliver(channel: AlertChannelRow, message: Parameters<(typeof CHANNEL_KINDS)[ChannelKind]["send"]>[0]["message"]): Promise<ChannelSendResult> {
  const definition = CHANNEL_KINDS[channel.kind as ChannelKind];
  if (!definition) return { ok: false, error: `unknown channel kind "${channel.kind}"` };
  if (!channel.credentialRef) return { ok: false, error: "the channel names no credential" };
  const scope = createSecretScope();
  try {
    const secret = await readCredentialSecret({ name: channel.credentialRef, environment: "production" });
    // Masked everywhere while it is in use: a chat API echoing the URL into an error cannot store it.
    scope.add(secretValuesOf(secret));
    if (secret.type !== definition.credentialType) return { ok: false, error: `credential "${channel.credentialRef}" is a ${secret.type}, not a ${definition.credentialType}` };
    return await definition.send({ config: channel.config, secret, message });
  } catch (error) {
    // AppError messages are written to be shown; anything else is masked and cut.
    const text = error instanceof AppError ? error.message : redactString(error instanceof Error ? error.message : String(error));
    return { ok: false, error: text.slice(0, 500) };
  } finally {
    scope.release();
  }
}
