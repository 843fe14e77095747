import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";
import { performHttpCall } from "@/lib/connectors/http-call";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import { OUTBOUND_ALLOWLIST_KEY } from "@/lib/settings/schema";
import { startWorker } from "@/worker/start-worker";
import { GET as getOutboundRoute, PUT as putOutboundRoute } from "@/app/api/v1/settings/outbound/route";
import { startFakeProvider, type FakeProvider } from "@/tests/support/fake-provider";
import { createPublishedFlow, createUserWithToken, jsonRequest, waitFor } from "@/tests/support/fixtures";

// The test setup allow-lists 127.0.0.1 (OUTBOUND_ALLOWLIST). These targets sit
// on other loopback addresses, which stay refused until an admin lists them.
let adminTarget: FakeProvider;
let refusedTarget: FakeProvider;
let admin: Awaited<ReturnType<typeof createUserWithToken>>;
let boss: PgBoss;

const URL_BASE = "http://localhost/api/v1/settings/outbound";
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const getAs = (token: string | null) => getOutboundRoute(new Request(URL_BASE, { headers: token ? bearer(token) : {} }), undefined);
const putAs = (token: string | null, body: unknown) =>
  putOutboundRoute(jsonRequest(URL_BASE, body, { method: "PUT", headers: token ? bearer(token) : {} }), undefined);

beforeAll(async () => {
  adminTarget = await startFakeProvider({ host: "127.0.0.2" });
  refusedTarget = await startFakeProvider({ host: "127.0.0.3" });
  admin = await createUserWithToken("admin");
  boss = await startWorker({ databaseUrl: env.DATABASE_URL!, concurrency: 2, pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await boss.stop({ graceful: false });
  await Promise.all([adminTarget.close(), refusedTarget.close()]);
  await db.$disconnect();
});

const createLead = (url: string) =>
  performHttpCall({ method: "POST", url: `${url}/crm/leads`, headers: { "idempotency-key": "fg_settings_1" }, body: { name: "Ada" }, timeoutMs: 2_000, idempotentRequest: false });

describe("outbound allow-list settings", () => {
  it("lets only admins read or change the allow-list", async () => {
    expect((await getAs(null)).status).toBe(401);
    for (const role of ["analyst", "operator", "viewer"] as const) {
      const { token } = await createUserWithToken(role);
      expect((await getAs(token)).status).toBe(403);
      expect((await putAs(token, { entries: ["10.0.0.0/8"] })).status).toBe(403);
    }
    const response = await getAs(admin.token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ entries: [], environmentEntries: expect.any(Array), updatedAt: null });
    expect(await db.setting.count({ where: { key: OUTBOUND_ALLOWLIST_KEY } })).toBe(0);
  });

  it("rejects malformed entries with a message naming each one, and changes nothing", async () => {
    const response = await putAs(admin.token, { entries: ["10.0.0.0/8", "https://crm.internal/x", "10.0.0.0/99"] });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("validation_failed");
    expect(error.message).toContain('Entry 2 ("https://crm.internal/x"): not an IP address, CIDR range or host name');
    expect(error.message).toContain('Entry 3 ("10.0.0.0/99"): invalid prefix length');
    expect(await db.setting.count({ where: { key: OUTBOUND_ALLOWLIST_KEY } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "settings.update" } })).toBe(0);
  });

  it("allows a refused target as soon as an admin lists it, audits the change, and refuses it again once removed", async () => {
    const before = await createLead(adminTarget.url);
    expect(before).toMatchObject({ ok: false, failure: { class: "permanent", code: "outbound_refused" } });
    expect(adminTarget.requests).toHaveLength(0);

    const saved = await putAs(admin.token, { entries: ["127.0.0.2", " CRM.Internal ", "crm.internal"] });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ entries: ["127.0.0.2", "crm.internal"], updatedAt: expect.any(String) });
    // No sleep: the process that saved dropped its cached policy.
    expect(await createLead(adminTarget.url)).toMatchObject({ ok: true, status: 201 });
    expect(adminTarget.requests).toHaveLength(1);

    expect((await putAs(admin.token, { entries: ["crm.internal"] })).status).toBe(200);
    expect(await createLead(adminTarget.url)).toMatchObject({ ok: false, failure: { code: "outbound_refused" } });
    expect(adminTarget.requests).toHaveLength(1);

    const audits = await db.auditLog.findMany({ where: { action: "settings.update" }, orderBy: { id: "asc" } });
    expect(audits.map((row) => ({ actorId: row.actorId, targetType: row.targetType, targetId: row.targetId, details: row.details }))).toEqual([
      { actorId: admin.user.id, targetType: "setting", targetId: OUTBOUND_ALLOWLIST_KEY, details: { before: [], after: ["127.0.0.2", "crm.internal"], via: `api token ${admin.tokenId}` } },
      { actorId: admin.user.id, targetType: "setting", targetId: OUTBOUND_ALLOWLIST_KEY, details: { before: ["127.0.0.2", "crm.internal"], after: ["crm.internal"], via: `api token ${admin.tokenId}` } },
    ]);
  });

  it("fails a run calling a refused address permanently, once, without sending anything", async () => {
    const { flow } = await createPublishedFlow(buildDemoFlowDefinition(`${refusedTarget.url}/crm/leads`), "Refused target flow");
    const body = { id: "evt-refused-1", order: { id: "ORD-1", total: "10.00" }, customer: { name: "Ann", email: "ann@example.com", phone: "87011234567" } };
    const { runId } = await receiveWebhook({ hookKey: flow.hookKey, headers: new Headers({ "content-type": "application/json" }), rawBody: Buffer.from(JSON.stringify(body)) });
    const run = await waitFor(
      async () => {
        const found = await db.run.findUniqueOrThrow({ where: { id: runId }, include: { steps: { include: { attempts: true }, orderBy: { position: "asc" } } } });
        return found.status === "failed" || found.status === "succeeded" ? found : undefined;
      },
      { what: "the run to finish" },
    );
    expect(run.status).toBe("failed");
    const httpStep = run.steps.find((step) => step.kind === "http-request");
    expect(httpStep).toMatchObject({ status: "failed", errorClass: "permanent", error: { code: "outbound_refused" } });
    expect(httpStep?.attempts).toHaveLength(1);
    expect(JSON.stringify(httpStep?.error)).toMatch(/127\.0\.0\.3.*loopback/);
    expect(refusedTarget.requests).toHaveLength(0);
  });
});
