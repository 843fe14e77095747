import { createHmac, timingSafeEqual } from "node:crypto";
import type { SIGNATURE_SCHEMES, WebhookTriggerConfig } from "@/lib/flows/schema";

export type SignatureScheme = (typeof SIGNATURE_SCHEMES)[number];
export type WebhookSignatureConfig = NonNullable<WebhookTriggerConfig["signature"]>;
export type SignatureFailure = "missing_header" | "bad_signature" | "stale_timestamp";
export type SignatureResult = { ok: true } | { ok: false; reason: SignatureFailure };

export type VerifierInput = {
  rawBody: Buffer;
  headers: Headers;
  /** The request's query string; only shared-secret tokens may travel there. */
  query: URLSearchParams;
  /** Current secret first, then the previous one while its rotation window is open. */
  secrets: string[];
  config: WebhookSignatureConfig;
  now: Date;
};
export type Verifier = (input: VerifierInput) => SignatureResult;

/** Timestamped schemes refuse anything older or newer than this, so a captured request cannot be replayed later (R3). */
export const TIMESTAMP_TOLERANCE_SECONDS = 300;

const OK: SignatureResult = { ok: true };
const fail = (reason: SignatureFailure): SignatureResult => ({ ok: false, reason });

/** Every scheme a webhook trigger can name; a new scheme without a verifier is a type error. */
export const SIGNATURE_VERIFIERS: Record<SignatureScheme, Verifier> = {
  "hmac-sha256": ({ rawBody, headers, secrets, config }) => {
    const header = headers.get(config.header ?? "");
    if (!header) return fail("missing_header");
    const encoding = config.encoding ?? "hex";
    const given = normalize(stripPrefix(header.trim(), "sha256="), encoding);
    return anyMatches(secrets, [given], (secret) => normalize(hmac(secret, rawBody).toString(encoding), encoding));
  },

  github: ({ rawBody, headers, secrets, config }) => {
    const header = headers.get(config.header ?? "x-hub-signature-256");
    if (!header) return fail("missing_header");
    // The prefix is part of the compared string, so a bare hex digest is refused like any other mismatch.
    const given = header.trim().toLowerCase();
    return anyMatches(secrets, [given], (secret) => `sha256=${hmac(secret, rawBody).toString("hex")}`);
  },

  stripe: ({ rawBody, headers, secrets, config, now }) => {
    const header = headers.get(config.header ?? "stripe-signature");
    if (!header) return fail("missing_header");
    const parts = header.split(",").map((part) => part.trim().split("="));
    const timestamp = parts.find(([key]) => key === "t")?.[1];
    const signatures = parts.filter(([key]) => key === "v1").map(([, value]) => (value ?? "").toLowerCase());
    if (timestamp === undefined || !/^\d+$/.test(timestamp) || signatures.length === 0) return fail("bad_signature");
    const payload = Buffer.concat([Buffer.from(`${timestamp}.`), rawBody]);
    const result = anyMatches(secrets, signatures, (secret) => hmac(secret, payload).toString("hex"));
    return result.ok ? checkTimestamp(timestamp, now) : result;
  },

  "standard-webhooks": ({ rawBody, headers, secrets, config, now }) => {
    const id = headers.get("webhook-id");
    const timestamp = headers.get("webhook-timestamp");
    const header = headers.get(config.header ?? "webhook-signature");
    if (!id || !timestamp || !header) return fail("missing_header");
    if (!/^\d+$/.test(timestamp.trim())) return fail("bad_signature");
    // Only v1 (symmetric HMAC) entries count; other versions in the list are for keys we do not hold.
    const signatures = header
      .split(" ")
      .filter((entry) => entry.startsWith("v1,"))
      .map((entry) => entry.slice(3));
    if (signatures.length === 0) return fail("bad_signature");
    const payload = Buffer.concat([Buffer.from(`${id}.${timestamp.trim()}.`), rawBody]);
    const result = anyMatches(secrets, signatures, (secret) => hmac(standardWebhooksKey(secret), payload).toString("base64"));
    return result.ok ? checkTimestamp(timestamp.trim(), now) : result;
  },

  // The weakest scheme: the secret itself travels with every request, nothing
  // binds it to the body, and a query token ends up in proxy logs. For senders
  // that can do nothing better (Bitrix24 outbound webhooks, 1C, form builders).
  "shared-secret": ({ headers, query, secrets, config }) => {
    const given = config.queryParam ? query.get(config.queryParam) : headers.get(config.header ?? "");
    if (!given) return fail("missing_header");
    const token = stripPrefix(given.trim(), "Bearer ");
    return anyMatches(secrets, [token], (secret) => secret);
  },
};


function hmac(key: string | Buffer, data: Buffer): Buffer {
  return createHmac("sha256", key).update(data).digest();
}

// Standard Webhooks secrets are "whsec_" + base64 key bytes; anything else is used as the key itself.
function standardWebhooksKey(secret: string): Buffer {
  return secret.startsWith("whsec_") ? Buffer.from(secret.slice(6), "base64") : Buffer.from(secret, "utf8");
}

function stripPrefix(value: string, prefix: string): string {
  return value.startsWith(prefix) ? value.slice(prefix.length) : value;
}

// Hex digests are compared case-insensitively and base64 without padding, as senders differ on both.
function normalize(value: string, encoding: "hex" | "base64"): string {
  return encoding === "hex" ? value.toLowerCase() : value.replace(/=+$/, "");
}

function anyMatches(secrets: string[], given: string[], expectedFor: (secret: string) => string): SignatureResult {
  for (const secret of secrets) {
    const expected = expectedFor(secret);
    if (given.some((candidate) => constantTimeEqual(candidate, expected))) return OK;
  }
  return fail("bad_signature");
}

// timingSafeEqual throws on different lengths; a length mismatch is simply a wrong signature.
function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function checkTimestamp(timestamp: string, now: Date): SignatureResult {
  const skew = Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp));
  return skew <= TIMESTAMP_TOLERANCE_SECONDS ? OK : fail("stale_timestamp");
}
