import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Read by lib/env.mjs when it first loads, before any import below runs.
  process.env.FLOWGATE_MASTER_KEYS ??= `test:${Buffer.alloc(32, 7).toString("base64")}`;
  // Every line the worker and lib can write, down to trace (whole exchanges), is searched.
  process.env.LOG_LEVEL = "trace";
});

import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";
import type { CredentialFields } from "@/lib/credentials/schema";
import { testCredential } from "@/lib/credentials/test-credential";
import { GET as getRunRoute } from "@/app/api/v1/runs/[runId]/route";
import { GET as listRunsRoute } from "@/app/api/v1/runs/route";
import { startWorker } from "@/worker/start-worker";
import { startFakeProvider, type FakeProvider, type Fault } from "@/tests/support/fake-provider";
import { deliverEvent, loadRun, publishCallFlow, type CallConfig } from "@/tests/support/credential-flow";
import { createUserWithToken, waitFor } from "@/tests/support/fixtures";
import { seedCredential, type SeedCredentialOptions } from "@/tests/support/seed-credential";

/**
 * R20, proven end to end: unique canary secrets in every credential type go
 * through the real worker against providers that succeed, refuse, echo the
 * credentials back, time out and revoke tokens; then every sink (each log
 * line, each row of each table in every schema, pg-boss's included, and the
 * runs API) is searched for each canary in every encoding it could take.
 * The only place a canary may exist is Credential.ciphertext, encrypted.
 */

const hex = () => randomBytes(12).toString("hex");
// Unusual characters make the URL, form and base64 encodings differ from the raw value.
const CANARY = {
  header: `cnry-hdr-${hex()}`,
  query: `cnry-q+${hex()}/=`,
  bearer: `cnry-bearer-${hex()}`,
  bearerSandbox: `cnry-bearer-sbx-${hex()}`,
  basic: `cnry-bäsic:${hex()} pw`,
  clientSecret: `cnry-cs-${hex()}!`,
  wrongClientSecret: `cnry-cs-wrong-${hex()}`,
  secretUrl: `cnry${hex()}`,
  wrongBearer: `cnry-wrong-${hex()}`,
  signing: `cnry-whsec-${hex()}`,
  signingPrevious: `cnry-whsec-old-${hex()}`,
} as const;

type Provider = "header" | "query" | "bearer" | "sandbox" | "basic" | "oauth" | "secretUrl";
const providers = {} as Record<Provider, FakeProvider>;
const logLines: string[] = [];
const runIds: string[] = [];
const testResults: unknown[] = [];
let boss: PgBoss;
let adminToken: string;

type Scenario = {
  name: string;
  credentialRef: string;
  provider: Provider;
  call?: Partial<CallConfig>;
  environment?: "sandbox" | "production";
  before?: (provider: FakeProvider) => void;
  expected: { status: "succeeded" | "failed"; code?: string };
};

const leads = (provider: Provider) => `${providers[provider].url}/crm/leads`;
// Two attempts with short delays, so failures also go through the retry path.
const retry = { maxAttempts: 2, baseDelayMs: 50, maxDelayMs: 100 };
const echo = (status: number): Fault => ({ type: "echo", status });

const SCENARIOS: Scenario[] = [
  { name: "api key header succeeds", credentialRef: "crm-header", provider: "header", expected: { status: "succeeded" } },
  { name: "api key query succeeds", credentialRef: "crm-query", provider: "query", expected: { status: "succeeded" } },
  { name: "bearer succeeds (production)", credentialRef: "crm-bearer", provider: "bearer", expected: { status: "succeeded" } },
  { name: "bearer succeeds (sandbox)", credentialRef: "crm-bearer", provider: "sandbox", environment: "sandbox", expected: { status: "succeeded" } },
  { name: "basic succeeds", credentialRef: "crm-basic", provider: "basic", expected: { status: "succeeded" } },
  { name: "oauth2 succeeds", credentialRef: "crm-oauth", provider: "oauth", expected: { status: "succeeded" } },
  { name: "secret url succeeds", credentialRef: "crm-secret-url", provider: "secretUrl", call: { url: "crm/leads" }, expected: { status: "succeeded" } },
  { name: "wrong bearer: 401 echoing it", credentialRef: "crm-wrong", provider: "bearer", expected: { status: "failed", code: "http_401" } },
  { name: "header: 400 echoing it", credentialRef: "crm-header", provider: "header", before: (p) => p.injectFaults(echo(400)), expected: { status: "failed", code: "http_400" } },
  { name: "basic: 400 echoing it, decoded", credentialRef: "crm-basic", provider: "basic", before: (p) => p.injectFaults(echo(400)), expected: { status: "failed", code: "http_400" } },
  {
    name: "bearer: 500 echoing it, twice",
    credentialRef: "crm-bearer",
    provider: "bearer",
    before: (p) => p.injectFaults(echo(500), echo(500)),
    expected: { status: "failed", code: "http_500" },
  },
  {
    name: "query: a timeout, then success",
    credentialRef: "crm-query",
    provider: "query",
    call: { timeoutMs: 300 },
    before: (p) => p.injectFaults({ type: "delay", ms: 2_000 }),
    expected: { status: "succeeded" },
  },
  { name: "secret url: 400 echoing the path", credentialRef: "crm-secret-url", provider: "secretUrl", call: { url: "crm/leads" }, before: (p) => p.injectFaults(echo(400)), expected: { status: "failed", code: "http_400" } },
  { name: "oauth2: revoked token, refreshed", credentialRef: "crm-oauth", provider: "oauth", before: (p) => p.expireTokens(), expected: { status: "succeeded" } },
  { name: "oauth2: 500 echoing the token", credentialRef: "crm-oauth", provider: "oauth", before: (p) => p.injectFaults(echo(500), echo(500)), expected: { status: "failed", code: "http_500" } },
  { name: "oauth2: wrong client secret, echoed", credentialRef: "crm-oauth-wrong", provider: "oauth", expected: { status: "failed", code: "oauth2_invalid_client" } },
  { name: "signing secret on a call", credentialRef: "hook-signing", provider: "bearer", expected: { status: "failed", code: "credential_not_for_calls" } },
];

function oauth2(clientSecret: string): CredentialFields<"oauth2-client-credentials"> {
  return { tokenUrl: providers.oauth.tokenUrl, clientId: "flowgate", clientSecret, scopes: "crm", clientAuth: "basic" };
}

function credentials(): Array<SeedCredentialOptions & { probe?: string }> {
  return [
    { name: "crm-header", secret: { type: "api-key-header", fields: { headerName: "X-Partner", prefix: "Token ", apiKey: CANARY.header } }, probe: leads("header") },
    { name: "crm-query", secret: { type: "api-key-query", fields: { paramName: "cred", apiKey: CANARY.query } }, probe: leads("query") },
    { name: "crm-bearer", secret: { type: "bearer", fields: { token: CANARY.bearer } }, probe: leads("bearer") },
    { name: "crm-bearer", environment: "sandbox", secret: { type: "bearer", fields: { token: CANARY.bearerSandbox } }, probe: leads("sandbox") },
    { name: "crm-basic", secret: { type: "basic", fields: { username: "svc", password: CANARY.basic } }, probe: leads("basic") },
    { name: "crm-oauth", secret: { type: "oauth2-client-credentials", fields: oauth2(CANARY.clientSecret) } },
    { name: "crm-oauth-wrong", secret: { type: "oauth2-client-credentials", fields: oauth2(CANARY.wrongClientSecret) } },
    { name: "crm-secret-url", secret: { type: "secret-url", fields: { url: `${providers.secretUrl.url}/rest/1/${CANARY.secretUrl}/` } }, probe: "crm/leads" },
    { name: "crm-wrong", secret: { type: "bearer", fields: { token: CANARY.wrongBearer } }, probe: leads("bearer") },
    {
      name: "hook-signing",
      secret: { type: "webhook-signing", fields: { secret: CANARY.signing, previousSecret: CANARY.signingPrevious, previousExpiresAt: new Date(Date.now() + 86_400_000) } },
    },
  ];
}

beforeAll(async () => {
  providers.header = await startFakeProvider({ auth: { type: "header", name: "x-partner", value: `Token ${CANARY.header}` } });
  providers.query = await startFakeProvider({ auth: { type: "query", name: "cred", value: CANARY.query } });
  providers.bearer = await startFakeProvider({ auth: { type: "bearer", token: CANARY.bearer } });
  providers.sandbox = await startFakeProvider({ auth: { type: "bearer", token: CANARY.bearerSandbox } });
  providers.basic = await startFakeProvider({ auth: { type: "basic", username: "svc", password: CANARY.basic } });
  providers.oauth = await startFakeProvider({ auth: { type: "oauth2" }, oauth2: { clientId: "flowgate", clientSecret: CANARY.clientSecret, scope: "crm" } });
  providers.secretUrl = await startFakeProvider({ auth: { type: "path", prefix: `/rest/1/${CANARY.secretUrl}` } });
  for (const provider of Object.values(providers)) provider.setEchoCredentials(true);

  const logs = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      callback();
    },
  });
  boss = await startWorker({ databaseUrl: env.DATABASE_URL!, concurrency: 4, pollingIntervalSeconds: 0.5, logDestination: logs });
  adminToken = (await createUserWithToken("admin")).token;

  const seeded = [];
  for (const credential of credentials()) seeded.push({ ...credential, row: await seedCredential(credential) });
  for (const scenario of SCENARIOS) {
    const provider = providers[scenario.provider];
    scenario.before?.(provider);
    const { flow } = await publishCallFlow({ credentialRef: scenario.credentialRef, url: leads(scenario.provider), retry, ...scenario.call }, scenario.environment);
    const { runId } = await deliverEvent(flow.hookKey);
    runIds.push(runId);
    // One at a time: injected faults belong to the scenario that injected them.
    await waitFor(async () => ["succeeded", "failed"].includes((await db.run.findUniqueOrThrow({ where: { id: runId } })).status), {
      what: `scenario "${scenario.name}" to finish`,
    });
  }
  for (const { row, probe } of seeded) testResults.push(await testCredential({ credentialId: row.id, url: probe }));
}, 180_000);

afterAll(async () => {
  await boss.stop({ graceful: false });
  await Promise.all(Object.values(providers).map((provider) => provider.close()));
  await db.$disconnect();
});

/** Every form a secret can take in a sink: as is, URL/form-encoded, JSON-escaped, base64 at any alignment, hex. */
function formsOf(secret: string): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    new URLSearchParams([["", secret]]).toString().slice(1),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(secret, "utf8").toString("hex"),
  ]);
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.from(`${"\u0000".repeat(offset)}${secret}`, "utf8").toString("base64");
    // The characters that depend on the secret's bytes only, whatever surrounds it.
    const core = encoded.slice(Math.ceil((offset * 8) / 6) + 1, Math.floor(((offset + Buffer.byteLength(secret)) * 8) / 6) - 1);
    forms.add(core);
    forms.add(core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return [...forms];
}

/** The secrets that must appear nowhere: every canary, and every access token the provider issued. */
function allSecrets(): Array<[string, string]> {
  return [...Object.entries(CANARY), ...providers.oauth.issuedTokens.map((token, index): [string, string] => [`access token ${index + 1}`, token])];
}

function findLeaks(sink: string, texts: string[]): string[] {
  const leaks: string[] = [];
  for (const [label, secret] of allSecrets()) {
    for (const form of formsOf(secret)) {
      const hit = texts.find((text) => text.includes(form));
      if (hit !== undefined) leaks.push(`${sink}: ${label} as "${form}" in ${hit.slice(0, 300)}`);
    }
  }
  return leaks;
}

async function allRows(): Promise<Array<{ table: string; row: string }>> {
  const tables = await db.$queryRawUnsafe<Array<{ schema: string; name: string }>>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const rows: Array<{ table: string; row: string }> = [];
  for (const { schema, name } of tables) {
    const quoted = `"${schema.replace(/"/g, '""')}"."${name.replace(/"/g, '""')}"`;
    for (const { row } of await db.$queryRawUnsafe<Array<{ row: string }>>(`SELECT t::text AS row FROM ${quoted} AS t`)) rows.push({ table: `${schema}.${name}`, row });
  }
  return rows;
}

describe("secret canaries (R20)", () => {
  it("ran every scenario as intended, so the sinks below hold what a leak would have left", async () => {
    const runs = await Promise.all(runIds.map(loadRun));
    expect(runs.map((run, index) => ({ name: SCENARIOS[index]!.name, status: run.status, code: (run.error as { code?: string } | null)?.code })))
      .toEqual(SCENARIOS.map(({ name, expected }) => ({ name, status: expected.status, code: expected.code })));
    // The providers really received the canaries, and echoed them back.
    expect(providers.header.requests[0]!.headers["x-partner"]).toBe(`Token ${CANARY.header}`);
    expect(providers.secretUrl.requests[0]!.path).toBe(`/rest/1/${CANARY.secretUrl}/crm/leads`);
    expect(providers.oauth.tokenRequests.length).toBeGreaterThanOrEqual(3);
    const echoed = runs[8]!.steps[1]!.attempts[0]!.response as { body: { message: string } };
    expect(echoed.body.message).toContain("[REDACTED]");
    expect(runs.filter((run) => run.steps[1]!.attempts.length === 2)).toHaveLength(3);
    expect(testResults).toHaveLength(credentials().length);
  });

  it("finds a canary in any of its forms, so a clean search means something", () => {
    const secret = CANARY.basic;
    const planted = [
      `x ${secret}`,
      `Basic ${Buffer.from(`svc:${secret}`).toString("base64")}`,
      `Basic ${Buffer.from(`ab:${secret}`).toString("base64")}`,
      `?p=${encodeURIComponent(secret)}`,
      JSON.stringify({ body: secret }),
    ];
    for (const text of planted) expect(findLeaks("planted", [text])).not.toEqual([]);
  });

  it("leaves no canary in any log line the worker and lib wrote", () => {
    expect(logLines.length).toBeGreaterThan(SCENARIOS.length * 2);
    expect(logLines.some((line) => line.includes('"msg":"step exchange"') && line.includes("[REDACTED]"))).toBe(true);
    expect(logLines.some((line) => line.includes('"msg":"step attempt failed"'))).toBe(true);
    expect(findLeaks("log", logLines)).toEqual([]);
  });

  it("leaves no canary in any row of any table in any schema, pg-boss's included", async () => {
    const rows = await allRows();
    const tables = new Set(rows.map(({ table }) => table));
    expect(tables).toContain("pgboss.job");
    expect(tables).toContain("public.StepAttempt");
    expect(findLeaks("database", rows.map(({ table, row }) => `${table}: ${row}`))).toEqual([]);
  });

  it("keeps each credential only as ciphertext, which does not contain its plaintext either", async () => {
    const rows = await db.credential.findMany({ omit: { ciphertext: false } });
    expect(rows).toHaveLength(credentials().length);
    for (const row of rows) {
      const ciphertext = Buffer.from(row.ciphertext);
      for (const [, secret] of allSecrets()) expect(ciphertext.includes(Buffer.from(secret, "utf8"))).toBe(false);
    }
  });

  it("returns no canary from the runs API", async () => {
    const headers = { authorization: `Bearer ${adminToken}` };
    const bodies = await Promise.all(
      runIds.map(async (runId) => {
        const response = await getRunRoute(new Request(`http://localhost/api/v1/runs/${runId}`, { headers }), { params: Promise.resolve({ runId }) });
        expect(response.status).toBe(200);
        return response.text();
      }),
    );
    const list = await listRunsRoute(new Request("http://localhost/api/v1/runs?pageSize=200", { headers }), undefined);
    bodies.push(await list.text());
    expect(bodies.join("\n")).toContain("[REDACTED]");
    expect(findLeaks("runs API", bodies)).toEqual([]);
  });

  it("returns no canary from credential tests", () => {
    expect(testResults.filter((result) => (result as { ok: boolean }).ok)).toHaveLength(8);
    expect(findLeaks("testCredential", testResults.map((result) => JSON.stringify(result)))).toEqual([]);
  });
});
