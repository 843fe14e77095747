import { redactString } from "./redact-string";
import { isSecretName, MASK } from "./secret-names";

export type RedactUrlOptions = { secrets?: readonly string[] };

/**
 * Masks a URL for logs and run records (R20): the userinfo password (or a
 * lone username, which is how tokens are often passed: https://TOKEN@host),
 * secret-named query and fragment parameters, and known secret values
 * anywhere, the path included (Telegram-style /bot<TOKEN>/…).
 * Unparseable input is scrubbed as plain text rather than returned as-is.
 */
export function redactUrl(url: string, options: RedactUrlOptions = {}): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactString(url, options);
  }
  // Opaque URLs (mailto:, file:) have no authority to mask; text scrubbing covers them.
  if (parsed.host === "") return redactString(url, options);
  let userinfo = "";
  if (parsed.password !== "") userinfo = `${parsed.username}:${MASK}@`;
  else if (parsed.username !== "") userinfo = `${MASK}@`;
  const masked = `${parsed.protocol}//${userinfo}${parsed.host}${parsed.pathname}${maskParams(parsed.search)}${maskParams(parsed.hash)}`;
  return redactString(masked, options);
}

/** Works on the raw string so untouched parameters keep their exact encoding. */
function maskParams(part: string): string {
  if (part.length <= 1) return part;
  const pairs = part.slice(1).split("&").map((pair) => {
    const equals = pair.indexOf("=");
    if (equals === -1) return pair;
    const name = safeDecode(pair.slice(0, equals));
    return isSecretName(name) ? `${pair.slice(0, equals)}=${MASK}` : pair;
  });
  return `${part[0]}${pairs.join("&")}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
