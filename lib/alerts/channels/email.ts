import { z } from "zod";
import { withSmtpTransport } from "@/lib/smtp/with-smtp-transport";
import { defineChannelKind, SEND_TIMEOUT_MS, type NotificationKind } from "./define-channel-kind";

const SUBJECT_STATE: Record<NotificationKind, string> = { firing: "FIRING", repeat: "STILL FIRING", resolved: "RESOLVED", test: "TEST" };

/**
 * E-mail over SMTP: the account (server, login, sender address) is an smtp
 * vault credential, the recipients are the channel's own. The body is the
 * same line every channel sends.
 */
export const emailChannel = defineChannelKind({
  label: "E-mail (SMTP)",
  config: z.object({
    to: z.array(z.email("must be an e-mail address")).min(1, "name at least one recipient").max(20, "at most 20 recipients"),
    subjectPrefix: z.string().trim().max(60).default("[Flowgate]"),
  }),
  credentialType: "smtp",
  send: async ({ config, secret, message }) => {
    if (secret.type !== "smtp") return { ok: false, error: "the credential is not an SMTP account" };
    const account = secret.fields;
    const subject = `${config.subjectPrefix} ${SUBJECT_STATE[message.kind]}: ${message.ruleName}`.trim();
    return withSmtpTransport({
      account,
      timeoutMs: SEND_TIMEOUT_MS,
      use: (transport) => transport.sendMail({ from: account.from, to: config.to, subject, text: message.text }),
    });
  },
});
