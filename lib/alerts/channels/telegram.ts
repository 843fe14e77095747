import { z } from "zod";
import { performHttpCall } from "@/lib/connectors/http-call";
import { env } from "@/lib/env.mjs";
import { defineChannelKind, SEND_TIMEOUT_MS } from "./define-channel-kind";
import { describeSendFailure } from "./describe-send-failure";

/** Telegram Bot API sendMessage; the bot token (a bearer credential) sits in the URL path, so it never leaves the vault's reach. */
export const telegramChannel = defineChannelKind({
  label: "Telegram bot",
  config: z.object({ chatId: z.string().trim().regex(/^(-?\d{1,20}|@\w{5,64})$/, "must be a numeric chat id or @channelname") }),
  credentialType: "bearer",
  send: async ({ config, secret, message }) => {
    if (secret.type !== "bearer") return { ok: false, error: "the credential is not a bearer token" };
    const result = await performHttpCall({
      method: "POST",
      url: `${env.TELEGRAM_API_BASE.replace(/\/+$/, "")}/bot${secret.fields.token}/sendMessage`,
      headers: {},
      body: { chat_id: config.chatId, text: message.text },
      timeoutMs: SEND_TIMEOUT_MS,
      idempotentRequest: false,
      credentialed: true,
    });
    return result.ok ? { ok: true } : { ok: false, error: describeSendFailure(result) };
  },
});
