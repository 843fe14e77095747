import { knownSecrets } from "./known-secrets";
import { isSecretName, MASK } from "./secret-names";

export type RedactStringOptions = {
  /**
   * Known secret values (credentials, signing secrets) besides those
   * registered process-wide (known-secrets.ts); shorter than 4 characters are ignored.
   */
  secrets?: readonly string[];
};

const MIN_SECRET_LENGTH = 4;

/** `scheme://user:password@` — keeps the user, masks the password. */
const URL_USERINFO = /(\b[a-z][a-z\d+.-]*:\/\/[^\s:/?#@"\\]*:)[^\s/?#@"\\]*@/gi;
/** `Bearer abc…` / `Basic dXNl…` in free text (error messages, echoed requests). */
const AUTH_SCHEME = /\b(Bearer|Basic|Token|Digest)\s+[\w.~+/=-]{8,}/g;
/**
 * `name=value` pairs in query strings, form bodies and messages. The value
 * stops at quotes and backslashes so scrubbing an already-serialised JSON
 * line can never eat an escape and break the line.
 */
const NAME_VALUE = /(^|[?&;\s#"'(,])([\w.[\]-]+)=([^&;\s#"'<>\\]*)/g;
/** `"name": "value"` inside JSON text that was never parsed (raw bodies). */
const JSON_PAIR = /("([\w.-]+)"\s*:\s*)"(?:[^"\\]|\\.)*"/g;
/** Telegram puts the bot token in the URL path: /bot123456:AA…/sendMessage. */
const TELEGRAM_BOT_TOKEN = /\bbot(\d{5,}):[\w-]{30,}/g;

/**
 * Masks secrets inside one string: known secret values, the ones passed and
 * the ones registered in this process (raw, URL- and form-encoded, JSON-escaped
 * and base64 at any byte alignment, so `Basic base64(user:secret)` and a
 * secret inside a serialised log line are caught too), then generic shapes
 * (URL passwords, auth schemes, secret-named pairs).
 */
export function redactString(value: string, options: RedactStringOptions = {}): string {
  let text = value;
  const registered = knownSecrets();
  const matcher = secretMatcher(options.secrets?.length ? [...options.secrets, ...registered] : registered);
  if (matcher) text = text.replace(matcher, MASK);
  return text
    .replace(URL_USERINFO, `$1${MASK}@`)
    .replace(AUTH_SCHEME, `$1 ${MASK}`)
    .replace(TELEGRAM_BOT_TOKEN, `bot$1:${MASK}`)
    .replace(NAME_VALUE, (all, lead: string, name: string) => (isSecretName(name) ? `${lead}${name}=${MASK}` : all))
    .replace(JSON_PAIR, (all, head: string, name: string) => (isSecretName(name) ? `${head}"${MASK}"` : all));
}

// Callers pass the same secrets list for every value of one deep redaction.
const cache = new Map<string, RegExp | null>();

function secretMatcher(secrets: readonly string[]): RegExp | null {
  const usable = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  if (usable.length === 0) return null;
  const key = usable.join("\u0000");
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const variants = new Set<string>();
  for (const secret of usable) {
    const encoded = encodeURIComponent(secret);
    // application/x-www-form-urlencoded (token request bodies, OAuth2 client
    // auth) escapes more than encodeURIComponent does: ! ' ( ) ~ and space as +.
    const formEncoded = new URLSearchParams([["", secret]]).toString().slice(1);
    for (const text of new Set([secret, formEncoded])) {
      variants.add(text);
      for (const form of base64Forms(text)) variants.add(form);
    }
    variants.add(encoded);
    variants.add(encoded.replace(/%20/g, "+"));
    // Some servers echo percent-escapes in lowercase.
    variants.add(encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
    // Inside serialised JSON (a log line, a raw body that was itself JSON in
    // a JSON string) quotes, backslashes and control characters are escaped,
    // which splits the raw value; match it as written there, one and two levels deep.
    const escapedOnce = JSON.stringify(secret).slice(1, -1);
    variants.add(escapedOnce);
    variants.add(JSON.stringify(escapedOnce).slice(1, -1));
  }
  // Longest first so an encoded form is not half-masked by a shorter variant.
  const sorted = [...variants].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  const matcher = new RegExp(sorted.map(escapeRegExp).join("|"), "g");
  if (cache.size > 100) cache.clear();
  cache.set(key, matcher);
  return matcher;
}

/**
 * The base64 characters that depend only on the secret's bytes, for each of
 * the three alignments it can have inside a longer encoded string.
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const core = encoded.slice(start, end);
    forms.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return forms;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
