import { isIP } from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import { classifyAddress, unwrapAddress } from "@/lib/connectors/classify-address";
import { resolveOutboundHost } from "@/lib/connectors/resolve-outbound-host";
import { SMTP_DEFAULT_PORTS, type CredentialFields } from "@/lib/credentials/schema";
import { getOutboundPolicy } from "@/lib/settings/get-outbound-policy";
import { describeSmtpFailure } from "./describe-smtp-failure";

export type SmtpResult = { ok: true } | { ok: false; error: string };

export type WithSmtpTransportOptions = {
  account: CredentialFields<"smtp">;
  /** Bounds each phase: connecting, the greeting, and any silence after it. */
  timeoutMs: number;
  use: (transport: Transporter) => Promise<unknown>;
};

/**
 * Opens one SMTP connection for `use` and closes it after. The host goes
 * through the outbound policy like any HTTP call and the connection is made
 * to the checked address (the name is kept for TLS, so certificates are
 * still verified against it). Every outcome is a value; a failure is a
 * classified message that never quotes the SMTP conversation.
 */
export async function withSmtpTransport({ account, timeoutMs, use }: WithSmtpTransportOptions): Promise<SmtpResult> {
  try {
    const address = await resolveOutboundHost(account.host, await getOutboundPolicy());
    // Plain text would carry the password across the internet; only a host the policy admits
    // by its allow-list (a local relay, a test server) may be spoken to without TLS.
    if (account.security === "none" && classifyAddress(unwrapAddress(address)) === null) {
      return { ok: false, error: `plain-text SMTP (security "none") is refused towards ${account.host}, a public address: use tls or starttls` };
    }
    const transport = nodemailer.createTransport({
      host: address,
      port: account.port ?? SMTP_DEFAULT_PORTS[account.security],
      servername: isIP(account.host) ? undefined : account.host,
      secure: account.security === "tls",
      requireTLS: account.security === "starttls",
      ignoreTLS: account.security === "none",
      auth: { user: account.username, pass: account.password },
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      // No transcript anywhere: it would hold the AUTH exchange.
      logger: false,
      debug: false,
      transactionLog: false,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    try {
      await use(transport);
      return { ok: true };
    } finally {
      transport.close();
    }
  } catch (error) {
    return { ok: false, error: describeSmtpFailure(error, account.host) };
  }
}
