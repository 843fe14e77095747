import { z } from "zod";
import { performHttpCall } from "@/lib/connectors/http-call";
import { defineChannelKind, SEND_TIMEOUT_MS } from "./define-channel-kind";
import { describeSendFailure } from "./describe-send-failure";

/**
 * Slack-compatible incoming webhook: POST `{ text, blocks }`. The URL is the
 * secret (Slack, Mattermost and Teams put the key in the path), so it comes
 * from a secret-url credential and is never stored on the channel.
 */
export const webhookChannel = defineChannelKind({
  label: "Webhook (Slack-compatible JSON)",
  config: z.object({}),
  credentialType: "secret-url",
  send: async ({ secret, message }) => {
    if (secret.type !== "secret-url") return { ok: false, error: "the credential is not a secret URL" };
    const result = await performHttpCall({
      method: "POST",
      url: secret.fields.url,
      headers: {},
      body: { text: message.text, blocks: [{ type: "section", text: { type: "mrkdwn", text: message.text } }] },
      timeoutMs: SEND_TIMEOUT_MS,
      idempotentRequest: false,
      credentialed: true,
    });
    return result.ok ? { ok: true } : { ok: false, error: describeSendFailure(result) };
  },
});
