import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeProvider, type FakeProvider } from "@/tests/support/fake-provider";
import { registerSecrets } from "@/lib/redact/known-secrets";
import { MASK } from "@/lib/redact/secret-names";
import { performHttpCall, type HttpCallRequest } from "./http-call";
import { createOutboundPolicy } from "./outbound-policy";

// The fake CRM listens on loopback, which the outbound policy refuses unless allow-listed.
const LOCAL = createOutboundPolicy(["127.0.0.1"]);

let crm: FakeProvider;

beforeAll(async () => {
  crm = await startFakeProvider();
});
afterAll(async () => {
  await crm.close();
});
beforeEach(() => {
  crm.reset();
});

const createLead = (overrides: Partial<HttpCallRequest> = {}): Promise<Awaited<ReturnType<typeof performHttpCall>>> =>
  performHttpCall({
    method: "POST",
    url: `${crm.url}/crm/leads`,
    headers: { "idempotency-key": "fg_key_1" },
    body: { externalId: "ORD-1", name: "Ada" },
    timeoutMs: 2_000,
    idempotentRequest: false,
    outbound: LOCAL,
    ...overrides,
  });

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/crm/leads`;
}

describe("performHttpCall against the fake CRM", () => {
  it("creates a record and an idempotent replay returns the same id without creating another", async () => {
    const first = await createLead();
    const replay = await createLead();
    expect(first).toMatchObject({ ok: true, status: 201, body: { id: "lead_1", externalId: "ORD-1" }, truncated: false });
    expect(replay).toMatchObject({ ok: true, status: 201, body: { id: "lead_1" } });
    expect(crm.records.size).toBe(1);
    expect(crm.requests[0]).toMatchObject({ method: "POST", path: "/crm/leads", body: { externalId: "ORD-1", name: "Ada" } });
    expect(crm.requests[0]?.headers["content-type"]).toBe("application/json");
  });

  it("classifies a 503 as temporary", async () => {
    crm.injectFaults({ type: "status", status: 503 });
    expect(await createLead()).toMatchObject({ ok: false, status: 503, failure: { class: "temporary", code: "http_503", status: 503 } });
  });

  it("carries Retry-After of a 429 as retryAfterMs", async () => {
    crm.injectFaults({ type: "status", status: 429, retryAfter: "7" });
    expect(await createLead()).toMatchObject({ ok: false, failure: { class: "temporary", code: "http_429", retryAfterMs: 7000 } });
  });

  it("reads a 500 as ambiguous on a non-idempotent call and temporary on an idempotent one", async () => {
    crm.injectFaults({ type: "status", status: 500 }, { type: "status", status: 500 });
    expect(await createLead({ idempotentRequest: false })).toMatchObject({ ok: false, failure: { class: "ambiguous", code: "http_500" } });
    expect(await createLead({ idempotentRequest: true })).toMatchObject({ ok: false, failure: { class: "temporary", code: "http_500" } });
  });

  it("reports a timeout after the effect was committed as ambiguous, and the record exists", async () => {
    crm.injectFaults({ type: "delay", ms: 5_000 });
    const result = await createLead({ timeoutMs: 200 });
    expect(result).toMatchObject({ ok: false, failure: { class: "ambiguous", code: "timeout_after_send" } });
    expect(crm.records.get("fg_key_1")?.id).toBe("lead_1");
  });

  // The client cannot tell a reset before the effect from one after it (both
  // look like "socket closed after we wrote the request"), so both are
  // ambiguous; the executor resolves them with the same key or a look-up.
  it("reports a reset before the effect as ambiguous, since the request had been sent", async () => {
    crm.injectFaults({ type: "reset" });
    expect(await createLead()).toMatchObject({ ok: false, failure: { class: "ambiguous", code: "connection_reset_after_send" } });
    expect(crm.records.size).toBe(0);
  });

  it("reports a reset after the effect as ambiguous, and a retry with the same key returns the same record", async () => {
    crm.injectFaults({ type: "reset-after-effect" });
    expect(await createLead()).toMatchObject({ ok: false, failure: { class: "ambiguous" } });
    const retry = await createLead();
    expect(retry).toMatchObject({ ok: true, body: { id: "lead_1" } });
    expect(crm.records.size).toBe(1);
  });

  it("classifies connection refused as temporary", async () => {
    expect(await createLead({ url: await closedPortUrl() })).toMatchObject({ ok: false, failure: { class: "temporary", code: "connection_refused" } });
  });

  it("classifies a 2xx with malformed JSON as ambiguous malformed_response", async () => {
    crm.injectFaults({ type: "malformed" });
    expect(await createLead()).toMatchObject({ ok: false, status: 200, body: '{"id": ', failure: { class: "ambiguous", code: "malformed_response" } });
  });

  it("classifies 404 as permanent and 401 as auth", async () => {
    const missing = await performHttpCall({ method: "GET", url: `${crm.url}/crm/leads/lead_404`, headers: {}, timeoutMs: 2_000, idempotentRequest: true, outbound: LOCAL });
    expect(missing).toMatchObject({ ok: false, status: 404, body: { error: "not_found" }, failure: { class: "permanent", code: "http_404" } });
    crm.injectFaults({ type: "status", status: 401 });
    expect(await createLead()).toMatchObject({ ok: false, failure: { class: "auth", code: "http_401" } });
  });

  it("does not follow redirects", async () => {
    crm.injectFaults({ type: "status", status: 302, body: { location: "elsewhere" } });
    expect(await createLead()).toMatchObject({ ok: false, status: 302, failure: { class: "permanent", code: "redirect_not_followed" } });
  });

  it("passes an error inside a 200 through untouched: mapping it is the connector's job", async () => {
    crm.injectFaults({ type: "error-in-200", body: { ok: false, error_code: 400, description: "chat not found" } });
    expect(await createLead()).toMatchObject({ ok: true, status: 200, body: { ok: false, description: "chat not found" } });
  });

  it("caps the stored body and flags it truncated", async () => {
    const result = await createLead({ body: { externalId: "ORD-2", note: "x".repeat(5_000) }, maxResponseBytes: 100 });
    expect(result).toMatchObject({ ok: true, truncated: true });
    expect(typeof (result.ok && result.body)).toBe("string");
    expect(String(result.ok && result.body)).toHaveLength(100);
  });

  it("masks a secret the cap cut in half, which value masking alone could not recognise", async () => {
    const secret = "sk_live_cut_canary_0123456789";
    const probe = await createLead({ body: { externalId: "ORD-3", note: "x".repeat(500) }, maxResponseBytes: 400 });
    const notePrefix = String(probe.ok && probe.body).indexOf("xxxx");
    expect(notePrefix).toBeGreaterThan(0);
    crm.reset();
    // The cap falls 6 characters into the echoed secret.
    const note = `${"x".repeat(100 - notePrefix - 6)}${secret}${"y".repeat(500)}`;
    const release = registerSecrets([secret]);
    try {
      const result = await createLead({ body: { externalId: "ORD-3", note }, maxResponseBytes: 100 });
      expect(result).toMatchObject({ ok: true, truncated: true });
      expect(String(result.ok && result.body)).toMatch(new RegExp(`x${MASK.replace(/[[\]]/g, "\\$&")}$`));
      expect(String(result.ok && result.body)).not.toContain(secret.slice(0, 6));
    } finally {
      release();
    }
  });

  it("finds records by id and by external id", async () => {
    await createLead();
    const byId = await performHttpCall({ method: "GET", url: `${crm.url}/crm/leads/lead_1`, headers: {}, timeoutMs: 2_000, idempotentRequest: true, outbound: LOCAL });
    const byExternal = await performHttpCall({ method: "GET", url: `${crm.url}/crm/leads?externalId=ORD-1`, headers: {}, timeoutMs: 2_000, idempotentRequest: true, outbound: LOCAL });
    expect(byId).toMatchObject({ ok: true, body: { id: "lead_1" } });
    expect(byExternal).toMatchObject({ ok: true, body: { results: [{ id: "lead_1" }] } });
  });

  it("treats a call cancelled before sending as temporary", async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await createLead({ signal: controller.signal })).toMatchObject({ ok: false, failure: { class: "temporary", code: "aborted_before_send" } });
    expect(crm.requests).toHaveLength(0);
  });

  it("keeps secrets from the URL, headers and body out of failure messages", async () => {
    const secret = "sk_live_canary_9f8e7d";
    crm.injectFaults({ type: "status", status: 500 }, { type: "reset" });
    for (const url of [`${crm.url}/crm/leads?api_key=${secret}`, `${crm.url}/bot${secret}/crm`, `${await closedPortUrl()}?token=${secret}`]) {
      const result = await createLead({ url, headers: { authorization: `Bearer ${secret}` }, body: { password: secret } });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(JSON.stringify(result.failure)).not.toContain(secret);
    }
  });
});
