import { describe, expect, it } from "vitest";
import { applyCredential } from "./apply-credential";
import type { StoredCredentialSecret } from "./read-credential-secret";
import { credentialSecretSchema } from "./schema";
import type { z } from "zod";

const credential = (secret: z.input<typeof credentialSecretSchema>, allowedHosts = ["x.io"]): StoredCredentialSecret => ({
  id: "00000000-0000-4000-8000-000000000001",
  name: "crm",
  environment: "production",
  allowedHosts,
  ...credentialSecretSchema.parse(secret),
});
const apply = (secret: z.input<typeof credentialSecretSchema>, url: string, headers: Record<string, string> = {}, allowedHosts?: string[]) =>
  applyCredential({ credential: credential(secret, allowedHosts), request: { url, headers } });

describe("applyCredential", () => {
  it("sets a header with its prefix, replacing a step header of the same name in any case", async () => {
    const applied = await apply({ type: "api-key-header", fields: { headerName: "X-Api-Key", prefix: "Token ", apiKey: "k1" } }, "https://x.io/a", {
      "X-API-KEY": "stale",
      accept: "application/json",
    });
    expect(applied.headers).toEqual({ accept: "application/json", "x-api-key": "Token k1" });
  });

  it.each([
    ["https://x.io/a", "https://x.io/a?api_key=k+%26%3D%2F"],
    ["https://x.io/a?b=A%20B", "https://x.io/a?b=A%20B&api_key=k+%26%3D%2F"],
    ["https://x.io/a?api_key=typed#frag", "https://x.io/a?api_key=typed&api_key=k+%26%3D%2F#frag"],
  ])("appends a query key to %s", async (url, expected) => {
    expect((await apply({ type: "api-key-query", fields: { apiKey: "k &=/" } }, url)).url).toBe(expected);
  });

  it("encodes Basic credentials as UTF-8 base64 (RFC 7617)", async () => {
    const applied = await apply({ type: "basic", fields: { username: "Aladdin", password: "open sesame" } }, "https://x.io", {});
    expect(applied.headers.authorization).toBe("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    const unicode = await apply({ type: "basic", fields: { username: "test", password: "123£" } }, "https://x.io", {});
    expect(unicode.headers.authorization).toBe("Basic dGVzdDoxMjPCow==");
  });

  it("refuses a Basic username with a colon", async () => {
    await expect(apply({ type: "basic", fields: { username: "a:b", password: "p" } }, "https://x.io")).rejects.toMatchObject({ failure: { code: "credential_invalid" } });
  });

  it("sends a bearer token", async () => {
    expect((await apply({ type: "bearer", fields: { token: "t0k" } }, "https://x.io", { Authorization: "Bearer old" })).headers).toEqual({ authorization: "Bearer t0k" });
  });

  it.each([
    ["https://b24.example/rest/1/abcdefghijklmnop/", "crm.lead.add.json", "https://b24.example/rest/1/abcdefghijklmnop/crm.lead.add.json"],
    ["https://b24.example/rest/1/abcdefghijklmnop", "/crm.lead.add.json", "https://b24.example/rest/1/abcdefghijklmnop/crm.lead.add.json"],
    ["https://api.telegram.org/bot123456:AAE-abcdefghijklmnop//", "/sendMessage?chat_id=1", "https://api.telegram.org/bot123456:AAE-abcdefghijklmnop/sendMessage?chat_id=1"],
    ["https://x.io/hook?sig=1", "items", "https://x.io/hook/items?sig=1"],
  ])("joins secret URL %s and step path %s with exactly one slash", async (base, path, expected) => {
    expect((await apply({ type: "secret-url", fields: { url: base } }, path)).url).toBe(expected);
  });

  it("masks a secret URL's path and its long segments on their own", async () => {
    const applied = await apply({ type: "secret-url", fields: { url: "https://b24.example/rest/1/abcdefghijklmnop/" } }, "crm.lead.add.json");
    expect(applied.secrets).toEqual(["/rest/1/abcdefghijklmnop", "abcdefghijklmnop"]);
  });

  it.each(["https://other.example/crm", "//other.example/crm", "mailto:x@y.z"])("refuses an absolute step URL %s with a secret URL", async (url) => {
    await expect(apply({ type: "secret-url", fields: { url: "https://b24.example/rest/1/abcdefghijklmnop/" } }, url)).rejects.toMatchObject({
      failure: { class: "permanent", code: "credential_url_conflict" },
    });
  });

  it.each([
    ["bearer", { type: "bearer", fields: { token: "t0k" } }],
    ["api-key-query", { type: "api-key-query", fields: { apiKey: "k1" } }],
    ["oauth2", { type: "oauth2-client-credentials", fields: { tokenUrl: "https://x.io/token", clientId: "c", clientSecret: "s" } }],
  ] as const)("refuses a %s credential for a host that is not allowed, naming the credential and host but not the path", async (_type, secret) => {
    const refusal = apply(secret, "https://attacker.example:8443/collect?token=leak", {}, ["x.io", "*.crm.example"]);
    await expect(refusal).rejects.toMatchObject({ failure: { class: "permanent", code: "credential_host_refused" } });
    const { message } = (await refusal.catch((error: { failure: { message: string } }) => error.failure)) as { message: string };
    expect(message).toMatch(/production credential "crm" may not be sent to attacker\.example:8443/);
    expect(message).not.toMatch(/collect|leak/);
  });

  it("refuses every host while a credential has no allowed hosts, telling an admin what to set", async () => {
    await expect(apply({ type: "bearer", fields: { token: "t0k" } }, "https://x.io/a", {}, [])).rejects.toMatchObject({
      failure: { class: "permanent", code: "credential_host_refused", message: expect.stringMatching(/no allowed hosts.*admin must set/) },
    });
  });

  it("applies a credential to an allowed wildcard host on the listed port", async () => {
    const applied = await apply({ type: "bearer", fields: { token: "t0k" } }, "https://eu.crm.example:8443/a", {}, ["*.crm.example:8443"]);
    expect(applied.headers.authorization).toBe("Bearer t0k");
  });

  it("binds a secret URL to its own host without an allowed-hosts list", async () => {
    const applied = await apply({ type: "secret-url", fields: { url: "https://b24.example/rest/1/abcdefghijklmnop/" } }, "crm.lead.add.json", {}, []);
    expect(new URL(applied.url).host).toBe("b24.example");
  });

  it("refuses to authenticate a call with a webhook-signing secret", async () => {
    await expect(apply({ type: "webhook-signing", fields: { secret: "whsec" } }, "https://x.io")).rejects.toMatchObject({
      failure: { class: "permanent", code: "credential_not_for_calls" },
    });
  });
});
