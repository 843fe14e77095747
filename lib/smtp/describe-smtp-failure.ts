import { OutboundRefusedError } from "@/lib/connectors/guarded-lookup";
import { redactString } from "@/lib/redact/redact-string";

type SmtpError = { code?: string; originalCode?: string; responseCode?: number; rejected?: unknown[] };

/**
 * The stored error of a failed SMTP exchange: a short classified sentence
 * naming the host and the reply code. Never the error's own message or the
 * server's reply: those quote the conversation, and an AUTH exchange carries
 * the password (base64 is not a mask). Redacted once more for the
 * registered secrets in case a host name ever carries one.
 */
export function describeSmtpFailure(error: unknown, host: string): string {
  return redactString(classify(error, host)).slice(0, 500);
}

function classify(error: unknown, host: string): string {
  if (error instanceof OutboundRefusedError) return error.refusal.message;
  const { code, originalCode, responseCode, rejected } = (typeof error === "object" && error !== null ? error : {}) as SmtpError;
  const reply = responseCode === undefined ? "" : ` (SMTP ${responseCode})`;
  const system = originalCode ?? code;
  if (code === "EAUTH" || code === "ENOAUTH") return `the SMTP server ${host} refused the login${reply}: check the username and password`;
  if (code === "EENVELOPE") return Array.isArray(rejected) && rejected.length > 0 ? `the SMTP server ${host} refused a recipient${reply}` : `the SMTP server ${host} refused the sender or recipients${reply}`;
  if (code === "ETIMEDOUT") return `the SMTP server ${host} did not answer in time`;
  if (system === "ECONNREFUSED") return `connection to the SMTP server ${host} refused`;
  if (system === "ENOTFOUND" || system === "EAI_AGAIN" || code === "EDNS") return `the SMTP host ${host} was not found`;
  if (code === "ETLS") return `TLS with the SMTP server ${host} failed: check the security mode and port`;
  if (code === "ECONNECTION" || code === "ESOCKET") return `the SMTP server ${host} closed the connection unexpectedly`;
  if (code === "EMESSAGE") return `the SMTP server ${host} refused the message${reply}`;
  return `sending through the SMTP server ${host} failed${system ? ` (${system})` : ""}${reply}`;
}
