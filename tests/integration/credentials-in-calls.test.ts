import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // lib/env.mjs reads the keyring when it first loads, which is before any test code runs.
  process.env.FLOWGATE_MASTER_KEYS ??= `test:${Buffer.alloc(32, 7).toString("base64")}`;
});

import { db } from "@/lib/db";
import { applyCredentialAndCall } from "@/lib/credentials/apply-credential-and-call";
import { getOAuth2AccessToken } from "@/lib/credentials/oauth2-token-cache";
import { readCredentialSecret } from "@/lib/credentials/read-credential-secret";
import type { CredentialFields } from "@/lib/credentials/schema";
import { testCredential } from "@/lib/credentials/test-credential";
import { getBoss } from "@/lib/queue/boss";
import { advanceRun } from "@/lib/runs/advance-run";
import { startFakeProvider, type ExpectedAuth, type FakeProvider } from "@/tests/support/fake-provider";
import { deliverEvent, loadRun, publishCallFlow, type CallConfig } from "@/tests/support/credential-flow";
import { seedCredential, type SeedCredentialOptions } from "@/tests/support/seed-credential";

const CLIENT = { clientId: "flowgate-client", clientSecret: `cs_${randomBytes(12).toString("hex")}`, scope: "crm.read crm.write" };

let api: FakeProvider;

beforeAll(async () => {
  api = await startFakeProvider({ oauth2: CLIENT });
});
afterAll(async () => {
  await api.close();
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});
beforeEach(() => {
  api.reset();
  api.setAuth(undefined);
  api.setEchoCredentials(false);
});

const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;
const secretOf = (label: string) => `${label}_${randomBytes(12).toString("hex")}`;

/** Publishes a call flow, delivers one event, executes the run in-process and returns it. */
async function runCall(call: CallConfig, environment: "sandbox" | "production" = "production") {
  const { flow } = await publishCallFlow(call, environment);
  const { runId } = await deliverEvent(flow.hookKey);
  await advanceRun({ runId });
  const run = await loadRun(runId);
  return { run, step: run.steps[1]! };
}

function oauth2Fields(overrides: Partial<CredentialFields<"oauth2-client-credentials">> = {}): CredentialFields<"oauth2-client-credentials"> {
  return { tokenUrl: api.tokenUrl, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, scopes: CLIENT.scope, clientAuth: "basic", ...overrides };
}

describe("a step's credentialRef authenticates its call", () => {
  type Case = { type: string; secret: (s: string) => SeedCredentialOptions["secret"]; auth: (s: string) => ExpectedAuth; url?: (s: string) => string };
  const cases: Case[] = [
    {
      type: "api-key-header",
      secret: (s) => ({ type: "api-key-header", fields: { headerName: "X-Partner", prefix: "Token ", apiKey: s } }),
      auth: (s) => ({ type: "header", name: "x-partner", value: `Token ${s}` }),
    },
    {
      type: "api-key-query",
      secret: (s) => ({ type: "api-key-query", fields: { paramName: "cred", apiKey: `${s} &=/+` } }),
      auth: (s) => ({ type: "query", name: "cred", value: `${s} &=/+` }),
    },
    { type: "bearer", secret: (s) => ({ type: "bearer", fields: { token: s } }), auth: (s) => ({ type: "bearer", token: s }) },
    {
      type: "basic",
      // RFC 7617 with UTF-8: non-ASCII passwords must arrive byte-exact.
      secret: (s) => ({ type: "basic", fields: { username: "svc-ünïcode", password: `pä:ss ${s}` } }),
      auth: (s) => ({ type: "basic", username: "svc-ünïcode", password: `pä:ss ${s}` }),
    },
    {
      type: "secret-url",
      secret: (s) => ({ type: "secret-url", fields: { url: `${api.url}/rest/1/${s}/` } }),
      auth: (s) => ({ type: "path", prefix: `/rest/1/${s}` }),
      url: () => "crm/leads",
    },
  ];

  it.each(cases)("with a $type credential the request arrives authenticated and the stored attempt is masked", async ({ secret, auth, url }) => {
    const value = secretOf("sk");
    const name = unique("crm");
    await seedCredential({ name, secret: secret(value) });
    api.setAuth(auth(value));

    const { run, step } = await runCall({ credentialRef: name, url: url?.(value) ?? `${api.url}/crm/leads` });

    expect(run.status).toBe("succeeded");
    expect(api.requests).toHaveLength(1);
    expect(api.records.size).toBe(1);
    const stored = JSON.stringify(step.attempts);
    expect(stored).not.toContain(value);
    expect(stored).toContain("[REDACTED]");
  });

  it("with an OAuth2 client-credentials credential it fetches a token and sends it as a bearer token", async () => {
    const name = unique("crm-oauth");
    await seedCredential({ name, secret: { type: "oauth2-client-credentials", fields: oauth2Fields() } });
    api.setAuth({ type: "oauth2" });

    const { run, step } = await runCall({ credentialRef: name, url: `${api.url}/crm/leads` });

    expect(run.status).toBe("succeeded");
    expect(api.tokenRequests).toHaveLength(1);
    const form = new URLSearchParams(api.tokenRequests[0]!.body as string);
    expect(Object.fromEntries(form)).toEqual({ grant_type: "client_credentials", scope: CLIENT.scope });
    expect(api.tokenRequests[0]!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(api.requests[0]!.headers.authorization).toBe(`Bearer ${api.issuedTokens[0]}`);
    expect(JSON.stringify(step.attempts)).not.toContain(api.issuedTokens[0]!);
  });

  it("sends the client id and secret in the body when the credential says so", async () => {
    const name = unique("crm-oauth-body");
    await seedCredential({ name, secret: { type: "oauth2-client-credentials", fields: oauth2Fields({ clientAuth: "body" }) } });
    api.setAuth({ type: "oauth2" });
    expect((await runCall({ credentialRef: name, url: `${api.url}/crm/leads` })).run.status).toBe("succeeded");
    expect(api.tokenRequests[0]!.headers.authorization).toBeUndefined();
    expect(new URLSearchParams(api.tokenRequests[0]!.body as string).get("client_secret")).toBe(CLIENT.clientSecret);
  });

  it("lets the credential's header replace a same-named header typed into the step, whatever its case", async () => {
    const value = secretOf("sk");
    const name = unique("crm");
    await seedCredential({ name, secret: { type: "api-key-header", fields: { headerName: "X-Partner", apiKey: value } } });
    const { run } = await runCall({ credentialRef: name, url: `${api.url}/crm/leads`, headers: { "x-PARTNER": "stale-pasted-key" } });
    expect(run.status).toBe("succeeded");
    expect(api.requests[0]!.headers["x-partner"]).toBe(value);
  });

  it("appends a query API key after the step's own parameters, leaving their encoding alone", async () => {
    const value = secretOf("sk");
    const name = unique("crm");
    await seedCredential({ name, secret: { type: "api-key-query", fields: { paramName: "cred", apiKey: value } } });
    await runCall({ credentialRef: name, method: "GET", body: undefined, url: `${api.url}/crm/leads?externalId=A%20B` });
    expect(api.requests[0]!.path).toBe(`/crm/leads?externalId=A%20B&cred=${value}`);
  });

  it("refuses an absolute step URL with a secret-URL credential, permanently and before sending anything", async () => {
    const name = unique("bitrix");
    await seedCredential({ name, secret: { type: "secret-url", fields: { url: `${api.url}/rest/1/${secretOf("tok")}/` } } });
    const { run, step } = await runCall({ credentialRef: name, url: `${api.url}/crm/leads` });
    expect(run.status).toBe("failed");
    expect(step.error).toMatchObject({ class: "permanent", code: "credential_url_conflict", message: expect.stringMatching(/relative path/) });
    expect(api.requests).toHaveLength(0);
  });

  it("refuses a webhook-signing credential on an outgoing call", async () => {
    const name = unique("signing");
    await seedCredential({ name, secret: { type: "webhook-signing", fields: { secret: secretOf("whsec") } } });
    const { run, step } = await runCall({ credentialRef: name, url: `${api.url}/crm/leads` });
    expect(run.status).toBe("failed");
    expect(step.error).toMatchObject({ class: "permanent", code: "credential_not_for_calls" });
    expect(api.requests).toHaveLength(0);
  });

  it("fails a step whose credential does not exist permanently, naming the credential and environment", async () => {
    const { run, step } = await runCall({ credentialRef: "no-such-credential", url: `${api.url}/crm/leads` }, "sandbox");
    expect(run.status).toBe("failed");
    expect(step.attemptCount).toBe(1);
    expect(step.error).toMatchObject({ class: "permanent", code: "credential_missing", message: expect.stringContaining('No sandbox credential named "no-such-credential"') });
    expect(run.error).toMatchObject({ code: "credential_missing", nodeId: "call" });
  });

  it("fails a step whose credential cannot be decrypted permanently as credential_unreadable", async () => {
    const value = secretOf("sk");
    const name = unique("tampered");
    const { id } = await seedCredential({ name, secret: { type: "bearer", fields: { token: value } } });
    const row = await db.credential.findUniqueOrThrow({ where: { id }, omit: { ciphertext: false } });
    const tampered = Buffer.from(row.ciphertext);
    tampered[tampered.length - 1]! ^= 0xff;
    await db.credential.update({ where: { id: row.id }, data: { ciphertext: new Uint8Array(tampered) } });

    const { run, step } = await runCall({ credentialRef: name, url: `${api.url}/crm/leads` });
    expect(run.status).toBe("failed");
    expect(step.error).toMatchObject({ class: "permanent", code: "credential_unreadable", message: expect.stringContaining(name) });
    expect(api.requests).toHaveLength(0);
  });
});

describe("allowed hosts", () => {
  const port = () => new URL(api.url).port;

  it("sends the credential to a host on its list, here with the port it names", async () => {
    const value = secretOf("sk");
    const name = unique("crm");
    await seedCredential({ name, secret: { type: "bearer", fields: { token: value } }, allowedHosts: [`127.0.0.1:${port()}`] });
    api.setAuth({ type: "bearer", token: value });
    expect((await runCall({ credentialRef: name, url: `${api.url}/crm/leads` })).run.status).toBe("succeeded");
    expect(api.requests).toHaveLength(1);
  });

  it.each([
    ["another host", ["crm.example.com", "*.crm.example.com"]],
    ["another port of the same host", ["127.0.0.1:1"]],
  ])("refuses a step pointing at %s permanently, and the host receives nothing", async (_label, allowedHosts) => {
    const value = secretOf("sk");
    const name = unique("prod-crm");
    await seedCredential({ name, secret: { type: "api-key-query", fields: { paramName: "cred", apiKey: value } }, allowedHosts });

    const { run, step } = await runCall({ credentialRef: name, url: `${api.url}/collect/${value}?q=private` });

    expect(run.status).toBe("failed");
    expect(step.attemptCount).toBe(1);
    expect(step.error).toMatchObject({ class: "permanent", code: "credential_host_refused" });
    const { message } = step.error as { message: string };
    expect(message).toContain(`credential "${name}" may not be sent to ${new URL(api.url).host}`);
    expect(message).not.toMatch(/collect|private/);
    expect(api.requests).toHaveLength(0);
    expect(JSON.stringify([run, step])).not.toContain(value);
  });

  it("refuses every host for a credential whose list is empty (saved before lists existed), telling an admin to set it", async () => {
    const name = unique("legacy");
    await seedCredential({ name, secret: { type: "basic", fields: { username: "svc", password: secretOf("pw") } }, allowedHosts: [] });
    const { run, step } = await runCall({ credentialRef: name, url: `${api.url}/crm/leads` });
    expect(run.status).toBe("failed");
    expect(step.error).toMatchObject({ class: "permanent", code: "credential_host_refused", message: expect.stringMatching(/no allowed hosts.*an admin must set/) });
    expect(api.requests).toHaveLength(0);
  });

  it("exempts an OAuth2 credential's own token URL but checks the call that carries the token", async () => {
    const target = await startFakeProvider();
    try {
      const name = unique("oauth");
      // The token endpoint (api) is on another port than the one listed: only the API call is bound.
      await seedCredential({ name, secret: { type: "oauth2-client-credentials", fields: oauth2Fields() }, allowedHosts: [new URL(target.url).host] });
      expect((await runCall({ credentialRef: name, url: `${target.url}/crm/leads` })).run.status).toBe("succeeded");
      expect(target.requests[0]!.headers.authorization).toBe(`Bearer ${api.issuedTokens[0]}`);

      const refused = await runCall({ credentialRef: name, url: `${api.url}/crm/leads` });
      expect(refused.step.error).toMatchObject({ class: "permanent", code: "credential_host_refused" });
      expect(api.requests).toHaveLength(0);
      expect(api.tokenRequests).toHaveLength(1);
    } finally {
      await target.close();
    }
  });
});

describe("environments", () => {
  it("uses the sandbox credential for a sandbox run and the production one for a production run, never the other", async () => {
    const name = unique("crm");
    const sandbox = secretOf("sandbox");
    const production = secretOf("production");
    await seedCredential({ name, environment: "sandbox", secret: { type: "bearer", fields: { token: sandbox } } });
    await seedCredential({ name, environment: "production", secret: { type: "bearer", fields: { token: production } } });

    const sandboxRun = await runCall({ credentialRef: name, url: `${api.url}/crm/leads` }, "sandbox");
    const productionRun = await runCall({ credentialRef: name, url: `${api.url}/crm/leads` }, "production");

    expect([sandboxRun.run.environment, sandboxRun.run.status]).toEqual(["sandbox", "succeeded"]);
    expect([productionRun.run.environment, productionRun.run.status]).toEqual(["production", "succeeded"]);
    expect(api.requests.map((request) => request.headers.authorization)).toEqual([`Bearer ${sandbox}`, `Bearer ${production}`]);
  });

  it("fails a sandbox run whose credential exists only in production instead of falling back to it", async () => {
    const name = unique("prod-only");
    await seedCredential({ name, environment: "production", secret: { type: "bearer", fields: { token: secretOf("production") } } });
    const { run, step } = await runCall({ credentialRef: name, url: `${api.url}/crm/leads` }, "sandbox");
    expect(run.status).toBe("failed");
    expect(step.error).toMatchObject({ code: "credential_missing" });
    expect(api.requests).toHaveLength(0);
  });
});

describe("OAuth2 access tokens", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function oauth2Credential(fields = oauth2Fields()) {
    const name = unique("oauth");
    await seedCredential({ name, secret: { type: "oauth2-client-credentials", fields } });
    return readCredentialSecret({ name, environment: "production" });
  }

  const getLeads = (credential: Awaited<ReturnType<typeof oauth2Credential>>) =>
    applyCredentialAndCall({
      credential,
      call: { method: "GET", url: `${api.url}/crm/leads`, headers: {}, timeoutMs: 5_000, idempotentRequest: true },
      registerSecrets: () => {},
    });

  it("makes one token request for 50 concurrent calls", async () => {
    api.setAuth({ type: "oauth2" });
    const credential = await oauth2Credential();
    const results = await Promise.all(Array.from({ length: 50 }, () => getLeads(credential)));
    expect(results.map(({ result }) => result.status)).toEqual(Array(50).fill(200));
    expect(api.tokenRequests).toHaveLength(1);
    expect(new Set(api.requests.map((request) => request.headers.authorization))).toEqual(new Set([`Bearer ${api.issuedTokens[0]}`]));
  });

  it("replaces a token the target refuses with 401 and repeats the call once, inside one attempt", async () => {
    api.setAuth({ type: "oauth2" });
    const name = unique("oauth");
    await seedCredential({ name, secret: { type: "oauth2-client-credentials", fields: oauth2Fields() } });
    const call = { credentialRef: name, url: `${api.url}/crm/leads` };
    expect((await runCall(call)).run.status).toBe("succeeded");

    api.expireTokens();
    const { run, step } = await runCall(call);

    expect(run.status).toBe("succeeded");
    expect(step.attemptCount).toBe(1);
    expect(api.tokenRequests).toHaveLength(2);
    expect(api.requests.slice(1).map((request) => [request.headers.authorization, request.headers["idempotency-key"]])).toEqual([
      [`Bearer ${api.issuedTokens[0]}`, step.idempotencyKey],
      [`Bearer ${api.issuedTokens[1]}`, step.idempotencyKey],
    ]);
  });

  it("refreshes once for 50 concurrent calls refused with the same expired token", async () => {
    api.setAuth({ type: "oauth2" });
    const credential = await oauth2Credential();
    await getLeads(credential);
    api.expireTokens();
    const results = await Promise.all(Array.from({ length: 50 }, () => getLeads(credential)));
    expect(results.every(({ result }) => result.status === 200)).toBe(true);
    expect(api.tokenRequests).toHaveLength(2);
  });

  it("gives up after one refresh when the new token is refused too: an auth failure, not a loop", async () => {
    api.setAuth({ type: "bearer", token: "a token this client never gets" });
    const name = unique("oauth");
    await seedCredential({ name, secret: { type: "oauth2-client-credentials", fields: oauth2Fields() } });
    const { run, step } = await runCall({ credentialRef: name, url: `${api.url}/crm/leads` });
    expect(run.status).toBe("failed");
    expect(step.error).toMatchObject({ class: "auth", code: "http_401" });
    expect(api.tokenRequests).toHaveLength(2);
    expect(api.requests).toHaveLength(2);
  });

  it("fetches a new token when the cached one reaches its stated expiry", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const credential = await oauth2Credential();
    const first = await getOAuth2AccessToken({ credentialId: credential.id, fields: oauth2Fields() });
    expect(await getOAuth2AccessToken({ credentialId: credential.id, fields: oauth2Fields() })).toBe(first);
    // 3600 s minus the renewal skew: one hour later the token must be replaced.
    vi.setSystemTime(Date.now() + 3_600_000);
    const second = await getOAuth2AccessToken({ credentialId: credential.id, fields: oauth2Fields() });
    expect(second).not.toBe(first);
    expect(api.tokenRequests).toHaveLength(2);
  });

  it("stops using a cached token once the credential is updated", async () => {
    const name = unique("oauth");
    await seedCredential({ name, secret: { type: "oauth2-client-credentials", fields: oauth2Fields() } });
    api.setAuth({ type: "oauth2" });
    expect((await runCall({ credentialRef: name, url: `${api.url}/crm/leads` })).run.status).toBe("succeeded");

    await seedCredential({ name, secret: { type: "oauth2-client-credentials", fields: oauth2Fields({ clientSecret: "rotated-but-wrong-secret" }) } });
    const { run, step } = await runCall({ credentialRef: name, url: `${api.url}/crm/leads` });

    expect(run.status).toBe("failed");
    expect(step.error).toMatchObject({ class: "auth", code: "oauth2_invalid_client" });
    expect(api.tokenRequests).toHaveLength(2);
  });

  it.each([
    ["a 500 from the token endpoint", { type: "status", status: 500 } as const, { class: "temporary", code: "oauth2_token_http_500" }],
    ["a 503 from the token endpoint", { type: "status", status: 503 } as const, { class: "temporary", code: "oauth2_token_http_503" }],
    ["an invalid_grant", { type: "status", status: 400, body: { error: "invalid_grant" } } as const, { class: "auth", code: "oauth2_invalid_grant" }],
    ["an invalid_scope", { type: "status", status: 400, body: { error: "invalid_scope" } } as const, { class: "permanent", code: "oauth2_invalid_scope" }],
  ])("classifies %s", async (_name, fault, expected) => {
    const name = unique("oauth");
    await seedCredential({ name, secret: { type: "oauth2-client-credentials", fields: oauth2Fields() } });
    api.injectTokenFaults(fault);
    const { step } = await runCall({ credentialRef: name, url: `${api.url}/crm/leads` });
    expect(step.error).toMatchObject(expected);
    expect(api.requests).toHaveLength(0);
  });

  it("classifies a wrong client secret as auth, and its message never repeats what the endpoint echoed", async () => {
    api.setEchoCredentials(true);
    const wrong = secretOf("wrong");
    const name = unique("oauth");
    await seedCredential({ name, secret: { type: "oauth2-client-credentials", fields: oauth2Fields({ clientSecret: wrong }) } });
    const { run, step } = await runCall({ credentialRef: name, url: `${api.url}/crm/leads` });
    expect(step.error).toMatchObject({ class: "auth", code: "oauth2_invalid_client", message: expect.stringContaining(new URL(api.url).host) });
    expect(JSON.stringify([run, step])).not.toContain(wrong);
  });
});

describe("testCredential", () => {
  it("fetches a token for an OAuth2 credential", async () => {
    const row = await seedCredential({ name: unique("oauth"), secret: { type: "oauth2-client-credentials", fields: oauth2Fields() } });
    expect(await testCredential({ credentialId: row.id })).toEqual({ ok: true, detail: "token issued, expires in 3600 s" });
    expect(api.tokenRequests).toHaveLength(1);
  });

  it("calls the given URL with GET and the credential applied", async () => {
    const value = secretOf("sk");
    api.setAuth({ type: "bearer", token: value });
    const row = await seedCredential({ name: unique("crm"), secret: { type: "bearer", fields: { token: value } } });
    expect(await testCredential({ credentialId: row.id, url: `${api.url}/crm/leads` })).toEqual({ ok: true, detail: `HTTP 200 from ${new URL(api.url).host}` });
    expect(api.requests[0]).toMatchObject({ method: "GET", headers: { authorization: `Bearer ${value}` } });
  });

  it("tests a secret URL with a path under it", async () => {
    const value = secretOf("tok");
    api.setAuth({ type: "path", prefix: `/rest/1/${value}` });
    const row = await seedCredential({ name: unique("bitrix"), secret: { type: "secret-url", fields: { url: `${api.url}/rest/1/${value}/` } } });
    expect(await testCredential({ credentialId: row.id, url: "crm/leads" })).toMatchObject({ ok: true });
  });

  it("reports a refused credential by class and code, naming the host only", async () => {
    api.setAuth({ type: "bearer", token: "the right one" });
    api.setEchoCredentials(true);
    const value = secretOf("sk");
    const row = await seedCredential({ name: unique("crm"), secret: { type: "bearer", fields: { token: value } } });
    const result = await testCredential({ credentialId: row.id, url: `${api.url}/crm/leads?probe=1` });
    expect(result).toEqual({ ok: false, failureClass: "auth", code: "http_401", message: `HTTP 401 from GET ${new URL(api.url).host}` });
  });

  it("refuses to probe a URL outside the credential's allowed hosts, sending nothing", async () => {
    const row = await seedCredential({ name: unique("crm"), secret: { type: "bearer", fields: { token: secretOf("sk") } }, allowedHosts: ["crm.example.com"] });
    expect(await testCredential({ credentialId: row.id, url: `${api.url}/crm/leads?probe=1` })).toEqual({
      ok: false,
      failureClass: "permanent",
      code: "credential_host_refused",
      message: expect.stringContaining(`may not be sent to ${new URL(api.url).host}`),
    });
    expect(api.requests).toHaveLength(0);
  });

  it("asks for a URL when the type needs one", async () => {
    const row = await seedCredential({ name: unique("crm"), secret: { type: "api-key-header", fields: { apiKey: secretOf("sk") } } });
    expect(await testCredential({ credentialId: row.id })).toMatchObject({ ok: false, failureClass: "permanent", code: "url_required" });
    // A relative path only makes sense under a secret URL.
    expect(await testCredential({ credentialId: row.id, url: "crm/leads" })).toMatchObject({ ok: false, failureClass: "permanent", code: "url_invalid" });
  });

  it("self-checks a webhook-signing secret and catches a rotation that kept the old secret", async () => {
    const secret = secretOf("whsec");
    const fresh = await seedCredential({ name: unique("sign"), secret: { type: "webhook-signing", fields: { secret, previousSecret: secretOf("old") } } });
    const stuck = await seedCredential({ name: unique("sign"), secret: { type: "webhook-signing", fields: { secret, previousSecret: secret } } });
    expect(await testCredential({ credentialId: fresh.id })).toEqual({ ok: true, detail: "signing secret ready; the previous secret is still accepted" });
    expect(await testCredential({ credentialId: stuck.id })).toMatchObject({ ok: false, code: "rotation_not_effective" });
  });

  it("reports an unknown credential id", async () => {
    expect(await testCredential({ credentialId: randomUUID() })).toMatchObject({ ok: false, failureClass: "permanent", code: "credential_missing" });
  });
});
