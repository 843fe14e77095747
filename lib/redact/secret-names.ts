/** What every masked value is replaced with, everywhere (R20). */
export const MASK = "[REDACTED]";

/**
 * Header names whose values are always credentials or signatures. Lowercase.
 * Signature headers are listed because a valid signature plus the body lets
 * anyone replay a webhook inside its tolerance window.
 */
export const SECRET_HEADER_NAMES: ReadonlySet<string> = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "api-key",
  "apikey",
  "x-auth-token",
  "x-access-token",
  "x-csrf-token",
  "x-xsrf-token",
  "x-amz-security-token",
  "x-goog-api-key",
  "x-hub-signature",
  "x-hub-signature-256",
  "stripe-signature",
  "webhook-signature",
  "x-signature",
  "x-webhook-signature",
  "x-shopify-hmac-sha256",
  "x-slack-signature",
  "x-twilio-signature",
  "x-hubspot-signature",
  "x-hubspot-signature-v3",
  "x-telegram-bot-api-secret-token",
  "x-gitlab-token",
]);

/**
 * Field, query-parameter and header names that look secret. Errs on the side
 * of masking (e.g. "tokenized_count" is masked) because a leaked credential
 * costs far more than a hidden counter; "author"/"authority" stay visible via
 * the `auth(?!or)` look-ahead, and plain "code"/"id" are left alone because
 * failure codes and record ids are what operators debug with.
 */
export const SECRET_NAME_PATTERN =
  /token|secret|passw|passphrase|pwd|api[-_]?key|(?:access|secret|private|client|signing|encryption|master|session|app)[-_]?key|signature|^sig$|authorization|auth(?!or)|credential|cookie|session|^sid$|jwt|bearer|^key$|otp$/i;

/** True when a field, query-parameter or header name should have its value masked. */
export function isSecretName(name: string): boolean {
  return SECRET_HEADER_NAMES.has(name.toLowerCase()) || SECRET_NAME_PATTERN.test(name);
}
