import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { activeSigningSecrets } from "@/lib/webhooks/active-signing-secrets";
import { SIGNATURE_VERIFIERS, type WebhookSignatureConfig } from "@/lib/webhooks/signature-schemes";

const SECRET = "current-secret";
const OLD_SECRET = "previous-secret";
const NOW = new Date("2025-06-01T12:00:00Z");
const NOW_S = Math.floor(NOW.getTime() / 1000);
const body = Buffer.from(JSON.stringify({ id: "evt_1", order: { id: "ORD-1", total: 10 } }));
const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2));
const flipped = Buffer.from(body);
flipped[5] = (flipped[5] ?? 0) ^ 1;

const hmac = (key: string | Buffer, data: string | Buffer, encoding: "hex" | "base64" = "hex") => createHmac("sha256", key).update(data).digest(encoding);
const config = (scheme: WebhookSignatureConfig["scheme"], extra: Partial<WebhookSignatureConfig> = {}): WebhookSignatureConfig => ({ scheme, credentialRef: "hook-secret", ...extra });

type VerifyOptions = { secrets?: string[]; extra?: Partial<WebhookSignatureConfig>; now?: Date; query?: string };
function verify(scheme: WebhookSignatureConfig["scheme"], headers: Record<string, string>, rawBody: Buffer, options: VerifyOptions = {}) {
  return SIGNATURE_VERIFIERS[scheme]({
    rawBody,
    headers: new Headers(headers),
    query: new URLSearchParams(options.query ?? ""),
    secrets: options.secrets ?? [SECRET],
    config: config(scheme, options.extra),
    now: options.now ?? NOW,
  });
}

const BAD = { ok: false, reason: "bad_signature" };
const MISSING = { ok: false, reason: "missing_header" };
const STALE = { ok: false, reason: "stale_timestamp" };

describe("hmac-sha256", () => {
  const extra = { header: "X-Signature" };
  it("accepts a hex HMAC of the raw body, with or without a sha256= prefix", () => {
    expect(verify("hmac-sha256", { "x-signature": hmac(SECRET, body) }, body, { extra })).toEqual({ ok: true });
    expect(verify("hmac-sha256", { "x-signature": `sha256=${hmac(SECRET, body)}` }, body, { extra })).toEqual({ ok: true });
  });
  it("accepts base64 when configured", () => {
    expect(verify("hmac-sha256", { "x-signature": hmac(SECRET, body, "base64") }, body, { extra: { ...extra, encoding: "base64" } })).toEqual({ ok: true });
    expect(verify("hmac-sha256", { "x-signature": hmac(SECRET, body) }, body, { extra: { ...extra, encoding: "base64" } })).toEqual(BAD);
  });
  it("refuses a changed byte, a re-serialised body, a wrong secret and a missing header", () => {
    const signature = hmac(SECRET, body);
    expect(verify("hmac-sha256", { "x-signature": signature }, flipped, { extra })).toEqual(BAD);
    expect(verify("hmac-sha256", { "x-signature": signature }, reserialised, { extra })).toEqual(BAD);
    expect(verify("hmac-sha256", { "x-signature": hmac("other", body) }, body, { extra })).toEqual(BAD);
    expect(verify("hmac-sha256", { "x-signature": "abc" }, body, { extra })).toEqual(BAD);
    expect(verify("hmac-sha256", {}, body, { extra })).toEqual(MISSING);
  });
});

describe("github", () => {
  const header = (rawBody: Buffer, secret = SECRET) => ({ "x-hub-signature-256": `sha256=${hmac(secret, rawBody)}` });
  it("accepts X-Hub-Signature-256 = sha256=<hex HMAC>", () => {
    expect(verify("github", header(body), body)).toEqual({ ok: true });
  });
  it("refuses a changed byte, a re-serialised body, a bare digest and a missing header", () => {
    expect(verify("github", header(body), flipped)).toEqual(BAD);
    expect(verify("github", header(body), reserialised)).toEqual(BAD);
    expect(verify("github", { "x-hub-signature-256": hmac(SECRET, body) }, body)).toEqual(BAD);
    expect(verify("github", {}, body)).toEqual(MISSING);
  });
});

describe("stripe", () => {
  const header = (rawBody: Buffer, t = NOW_S, secret = SECRET) => ({ "stripe-signature": `t=${t},v1=${hmac(secret, Buffer.concat([Buffer.from(`${t}.`), rawBody]))}` });
  it("accepts t=,v1= over `${t}.${body}`, also when another v1 entry is present", () => {
    expect(verify("stripe", header(body), body)).toEqual({ ok: true });
    const signed = header(body)["stripe-signature"];
    expect(verify("stripe", { "stripe-signature": `${signed.split(",")[0]},v1=${"0".repeat(64)},${signed.split(",")[1]}` }, body)).toEqual({ ok: true });
  });
  it("refuses a changed byte, a re-serialised body and a missing header", () => {
    expect(verify("stripe", header(body), flipped)).toEqual(BAD);
    expect(verify("stripe", header(body), reserialised)).toEqual(BAD);
    expect(verify("stripe", {}, body)).toEqual(MISSING);
    expect(verify("stripe", { "stripe-signature": "v1=abc" }, body)).toEqual(BAD);
  });
  it("accepts ±300 s of clock skew and refuses ±301 s", () => {
    expect(verify("stripe", header(body, NOW_S - 300), body)).toEqual({ ok: true });
    expect(verify("stripe", header(body, NOW_S + 300), body)).toEqual({ ok: true });
    expect(verify("stripe", header(body, NOW_S - 301), body)).toEqual(STALE);
    expect(verify("stripe", header(body, NOW_S + 301), body)).toEqual(STALE);
  });
});

describe("standard-webhooks", () => {
  const keyBytes = Buffer.from("standard-webhooks-key-bytes-0123");
  const whsec = `whsec_${keyBytes.toString("base64")}`;
  const headers = (rawBody: Buffer, t = NOW_S, key: string | Buffer = keyBytes, id = "msg_1") => ({
    "webhook-id": id,
    "webhook-timestamp": String(t),
    "webhook-signature": `v1,${hmac(key, Buffer.concat([Buffer.from(`${id}.${t}.`), rawBody]), "base64")}`,
  });
  it("accepts a whsec_ secret (decoded key bytes) and a raw secret", () => {
    expect(verify("standard-webhooks", headers(body), body, { secrets: [whsec] })).toEqual({ ok: true });
    expect(verify("standard-webhooks", headers(body, NOW_S, SECRET), body)).toEqual({ ok: true });
  });
  it("accepts any of several space-separated signatures", () => {
    const signed = headers(body);
    const multi = { ...signed, "webhook-signature": `v1,${Buffer.alloc(32).toString("base64")} ${signed["webhook-signature"]}` };
    expect(verify("standard-webhooks", multi, body, { secrets: [whsec] })).toEqual({ ok: true });
  });
  it("refuses a changed byte, a re-serialised body, a changed id and missing headers", () => {
    expect(verify("standard-webhooks", headers(body), flipped, { secrets: [whsec] })).toEqual(BAD);
    expect(verify("standard-webhooks", headers(body), reserialised, { secrets: [whsec] })).toEqual(BAD);
    expect(verify("standard-webhooks", { ...headers(body), "webhook-id": "msg_2" }, body, { secrets: [whsec] })).toEqual(BAD);
    const { "webhook-timestamp": _dropped, ...withoutTimestamp } = headers(body);
    expect(verify("standard-webhooks", withoutTimestamp, body, { secrets: [whsec] })).toEqual(MISSING);
    expect(verify("standard-webhooks", {}, body, { secrets: [whsec] })).toEqual(MISSING);
  });
  it("accepts ±300 s of clock skew and refuses ±301 s", () => {
    expect(verify("standard-webhooks", headers(body, NOW_S - 300), body, { secrets: [whsec] })).toEqual({ ok: true });
    expect(verify("standard-webhooks", headers(body, NOW_S - 301), body, { secrets: [whsec] })).toEqual(STALE);
    expect(verify("standard-webhooks", headers(body, NOW_S + 301), body, { secrets: [whsec] })).toEqual(STALE);
  });
});

describe("secret rotation", () => {
  const expiresAt = new Date(NOW.getTime() + 60_000);
  const fields = { secret: SECRET, previousSecret: OLD_SECRET, previousExpiresAt: expiresAt };
  const signedWithOld = { "x-hub-signature-256": `sha256=${hmac(OLD_SECRET, body)}` };

  it("verifies with the previous secret until it expires, then only with the current one", () => {
    const before = activeSigningSecrets(fields, NOW);
    expect(before).toEqual([SECRET, OLD_SECRET]);
    expect(verify("github", signedWithOld, body, { secrets: before })).toEqual({ ok: true });
    expect(verify("github", { "x-hub-signature-256": `sha256=${hmac(SECRET, body)}` }, body, { secrets: before })).toEqual({ ok: true });

    const after = activeSigningSecrets(fields, expiresAt);
    expect(after).toEqual([SECRET]);
    expect(verify("github", signedWithOld, body, { secrets: after })).toEqual(BAD);
  });

  it("uses only the current secret when there is no previous one", () => {
    expect(activeSigningSecrets({ secret: SECRET }, NOW)).toEqual([SECRET]);
  });
});

describe("shared-secret (weakest)", () => {
  it("accepts the token in the configured header, bare or as a bearer token", () => {
    const extra = { header: "X-Hook-Token" };
    expect(verify("shared-secret", { "x-hook-token": SECRET }, body, { extra })).toEqual({ ok: true });
    expect(verify("shared-secret", { "x-hook-token": `Bearer ${SECRET}` }, body, { extra })).toEqual({ ok: true });
    expect(verify("shared-secret", { "x-hook-token": `${SECRET}x` }, body, { extra })).toEqual(BAD);
    expect(verify("shared-secret", {}, body, { extra })).toEqual(MISSING);
  });
  it("accepts the token in the configured query parameter, and only there", () => {
    const extra = { queryParam: "token" };
    expect(verify("shared-secret", {}, body, { extra, query: `token=${SECRET}` })).toEqual({ ok: true });
    expect(verify("shared-secret", {}, body, { extra, query: "token=guess" })).toEqual(BAD);
    expect(verify("shared-secret", { token: SECRET }, body, { extra })).toEqual(MISSING);
  });
  it("verifies the previous secret during a rotation and refuses it afterwards", () => {
    const extra = { header: "X-Hook-Token" };
    const during = activeSigningSecrets({ secret: SECRET, previousSecret: OLD_SECRET, previousExpiresAt: new Date(NOW.getTime() + 60_000) }, NOW);
    expect(verify("shared-secret", { "x-hook-token": OLD_SECRET }, body, { extra, secrets: during })).toEqual({ ok: true });
    const after = activeSigningSecrets({ secret: SECRET, previousSecret: OLD_SECRET, previousExpiresAt: new Date(NOW.getTime() - 1) }, NOW);
    expect(verify("shared-secret", { "x-hook-token": OLD_SECRET }, body, { extra, secrets: after })).toEqual(BAD);
  });
});
