import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // lib/env.mjs reads the keyring when it first loads, which is before any test code runs.
  process.env.FLOWGATE_MASTER_KEYS ??= `test:${Buffer.alloc(32, 7).toString("base64")}`;
});

import { GET as listChannelsRoute, POST as createChannelRoute } from "@/app/api/v1/alerts/channels/route";
import { POST as testChannelRoute } from "@/app/api/v1/alerts/channels/[channelId]/test/route";
import { DELETE as deleteChannelRoute } from "@/app/api/v1/alerts/channels/[channelId]/route";
import { GET as listIncidentsRoute } from "@/app/api/v1/alerts/incidents/route";
import { GET as listRulesRoute, POST as createRuleRoute } from "@/app/api/v1/alerts/rules/route";
import { evaluateAlertRule } from "@/lib/alerts/evaluate-alert-rule";
import { deleteAlertChannel } from "@/lib/alerts/delete-alert-channel";
import { evaluateAlertRules } from "@/lib/alerts/evaluate-alert-rules";
import { updateAlertRule } from "@/lib/alerts/update-alert-rule";
import { db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { routeLogs } from "@/lib/log";
import { getBoss } from "@/lib/queue/boss";
import { startWorker } from "@/worker/start-worker";
import { addRuns, api, at, failureRateRule, flowWithRuns, noParams, T0 } from "@/tests/support/alert-fixtures";
import { startFakeAlertReceiver, type FakeAlertReceiver } from "@/tests/support/fake-alert-receiver";
import { actingAs, createPublishedFlow, createUserWithToken, waitFor } from "@/tests/support/fixtures";
import { fastDemoFlow } from "@/tests/support/operator-flows";
import { seedCredential } from "@/tests/support/seed-credential";
import { seedRun } from "@/tests/support/seed-runs";

// Canary secrets: the webhook URL's key and the bot token must never show up outside the vault.
const WEBHOOK_KEY = `T0CANARY${randomBytes(12).toString("hex")}`;
const BOT_TOKEN = `${100000000 + Math.floor(Math.random() * 899999999)}:AA${randomBytes(20).toString("hex")}`;
const logLines: string[] = [];
let receiver: FakeAlertReceiver;
let adminToken: string;
let webhookChannelId: string;
let telegramChannelId: string;


beforeAll(async () => {
  routeLogs(new Writable({ write: (chunk: Buffer, _encoding, callback) => (logLines.push(chunk.toString("utf8")), callback()) }));
  receiver = await startFakeAlertReceiver();
  Object.assign(env, { TELEGRAM_API_BASE: receiver.url });
  adminToken = (await createUserWithToken("admin")).token;
  await seedCredential({ name: "alerts-slack", secret: { type: "secret-url", fields: { url: `${receiver.url}/services/${WEBHOOK_KEY}` } } });
  await seedCredential({ name: "alerts-bot", secret: { type: "bearer", fields: { token: BOT_TOKEN } } });
  const webhook = await createChannelRoute(api("/api/v1/alerts/channels", adminToken, { name: "Ops Slack", kind: "webhook", credentialRef: "alerts-slack" }), noParams);
  expect(webhook.status).toBe(201);
  webhookChannelId = ((await webhook.json()) as { channel: { id: string } }).channel.id;
  const telegram = await createChannelRoute(api("/api/v1/alerts/channels", adminToken, { name: "Ops Telegram", kind: "telegram", config: { chatId: "-100123" }, credentialRef: "alerts-bot" }), noParams);
  expect(telegram.status).toBe(201);
  telegramChannelId = ((await telegram.json()) as { channel: { id: string } }).channel.id;
});

beforeEach(() => {
  receiver.received.length = 0;
  receiver.failPathPrefix = undefined;
});

afterAll(async () => {
  routeLogs(undefined);
  await receiver.close();
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});

const notificationsOf = (ruleId: string) =>
  db.alertNotification.findMany({ where: { incident: { ruleId } }, orderBy: { sentAt: "asc" }, include: { channel: { select: { kind: true } } } });

describe("alert rules", () => {
  it("fires once when runs fail, repeats after repeatMinutes, and resolves when the rate drops", async () => {
    const { flowId, versionId } = await flowWithRuns(["failed", "failed", "failed"], at(-1));
    const ruleId = await failureRateRule(adminToken, flowId, [webhookChannelId, telegramChannelId]);

    expect((await evaluateAlertRule({ ruleId, now: T0 })).action).toBe("firing");
    expect((await evaluateAlertRule({ ruleId, now: at(1) })).action).toBeNull();
    expect((await evaluateAlertRule({ ruleId, now: at(29) })).action).toBeNull();
    const webhookPosts = receiver.received.filter((r) => r.path === `/services/${WEBHOOK_KEY}`);
    expect(webhookPosts).toHaveLength(1);
    expect(webhookPosts[0]!.body.text).toMatch(/^\[FIRING\] .*3 of 3 finished runs failed/);
    const telegramPosts = receiver.received.filter((r) => r.path === `/bot${BOT_TOKEN}/sendMessage`);
    expect(telegramPosts.map((r) => r.body.chat_id)).toEqual(["-100123"]);

    expect((await evaluateAlertRule({ ruleId, now: at(31) })).action).toBe("repeat");
    await addRuns(flowId, versionId, Array(10).fill("succeeded"), at(31));
    expect((await evaluateAlertRule({ ruleId, now: at(32) })).action).toBe("resolved");
    expect((await evaluateAlertRule({ ruleId, now: at(33) })).action).toBeNull();

    const sent = await notificationsOf(ruleId);
    expect(sent.map((n) => `${n.kind}:${n.channel.kind}:${n.ok}`).sort()).toEqual(
      ["firing:webhook:true", "firing:telegram:true", "repeat:webhook:true", "repeat:telegram:true", "resolved:webhook:true", "resolved:telegram:true"].sort(),
    );
    const incidents = await db.alertIncident.findMany({ where: { ruleId } });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.resolvedAt).toEqual(at(32));
  });

  it("opens one incident and sends one notification when two evaluations race", async () => {
    const { flowId } = await flowWithRuns(["failed", "failed"], at(-1));
    const ruleId = await failureRateRule(adminToken, flowId, [webhookChannelId]);
    // Two jobs' passes and a third direct evaluation at the same moment: one of them opens it.
    const [first, second, pass] = await Promise.all([evaluateAlertRule({ ruleId, now: T0 }), evaluateAlertRule({ ruleId, now: T0 }), evaluateAlertRules({ now: T0 })]);
    const actions = [first, second, ...pass.filter((o) => o.ruleId === ruleId)].map((o) => o.action);
    expect(actions.filter((a) => a === "firing")).toHaveLength(1);
    expect(await db.alertIncident.count({ where: { ruleId } })).toBe(1);
    expect(await db.alertNotification.count({ where: { incident: { ruleId } } })).toBe(1);
  });

  /**
   * Another transaction that has opened an incident for the rule and not yet
   * committed. `withoutForeignKeys` turns its foreign-key triggers off
   * (superuser, this transaction only): a writer that opens an incident
   * without the rule's lock, which only the partial unique index can stop.
   */
  async function openIncidentElsewhere(ruleId: string, { withoutForeignKeys = false } = {}) {
    const other = new pg.Client({ connectionString: env.DATABASE_URL });
    await other.connect();
    await other.query("BEGIN");
    if (withoutForeignKeys) await other.query("SET LOCAL session_replication_role = replica");
    await other.query(`INSERT INTO "AlertIncident" ("id", "ruleId", "openedAt", "lastNotifiedAt", "summary") VALUES (gen_random_uuid(), $1, $2, $2, 'opened elsewhere')`, [ruleId, T0]);
    return other;
  }

  it("skips without a message while another transaction is opening an incident for the rule", async () => {
    const { flowId } = await flowWithRuns(["failed", "failed"], at(-1));
    const ruleId = await failureRateRule(adminToken, flowId, [webhookChannelId]);
    const other = await openIncidentElsewhere(ruleId);
    try {
      // The incident's foreign key locks the rule row, so the evaluator's SKIP LOCKED passes it by.
      expect(await evaluateAlertRule({ ruleId, now: T0 })).toEqual({ ruleId, action: "skipped" });
      await other.query("COMMIT");
    } finally {
      await other.end();
    }
    expect(await db.alertIncident.count({ where: { ruleId } })).toBe(1);
    expect(await db.alertNotification.count({ where: { incident: { ruleId } } })).toBe(0);
  });

  it("keeps one open incident per rule in the database, and an evaluator that loses to it skips without a message", async () => {
    const { flowId } = await flowWithRuns(["failed", "failed"], at(-1));
    const ruleId = await failureRateRule(adminToken, flowId, [webhookChannelId]);
    const other = await openIncidentElsewhere(ruleId, { withoutForeignKeys: true });
    try {
      const evaluation = evaluateAlertRule({ ruleId, now: T0 });
      // The evaluator cannot see the uncommitted incident, decides "firing", and its insert waits on the index.
      const waiting = `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`;
      await waitFor(async () => ((await other.query(waiting)).rowCount ?? 0) > 0, { what: "the evaluation to wait on the open incident" });
      await other.query("COMMIT");
      expect(await evaluation).toEqual({ ruleId, action: "skipped" });
    } finally {
      await other.end();
    }
    expect(await db.alertIncident.count({ where: { ruleId } })).toBe(1);
    expect(await db.alertNotification.count({ where: { incident: { ruleId } } })).toBe(0);
    expect(receiver.received).toHaveLength(0);
    await expect(db.alertIncident.create({ data: { ruleId, openedAt: at(1), lastNotifiedAt: at(1), summary: "a second open one" } })).rejects.toMatchObject({ code: "P2002" });
  });

  it("records a failing channel and still notifies the others", async () => {
    const { flowId } = await flowWithRuns(["failed", "failed"], at(-1));
    const ruleId = await failureRateRule(adminToken, flowId, [webhookChannelId, telegramChannelId]);
    receiver.failPathPrefix = "/services/";
    expect((await evaluateAlertRule({ ruleId, now: T0 })).action).toBe("firing");
    const sent = await notificationsOf(ruleId);
    const byKind = Object.fromEntries(sent.map((n) => [n.channel.kind, n]));
    expect(byKind.webhook).toMatchObject({ ok: false, error: expect.stringMatching(/500/) });
    expect(byKind.telegram).toMatchObject({ ok: true, error: null });
    expect(await db.alertIncident.count({ where: { ruleId, resolvedAt: null } })).toBe(1);
  });
});

describe("managing rules and channels", () => {
  it("refuses to delete a channel a rule names, and deletes it with its history once none does (audited)", async () => {
    const { user } = await createUserWithToken("admin");
    const actor = actingAs(user);
    await seedCredential({ name: "alerts-spare", secret: { type: "secret-url", fields: { url: `${receiver.url}/services/spare` } } });
    const created = await createChannelRoute(api("/api/v1/alerts/channels", adminToken, { name: "Spare", kind: "webhook", credentialRef: "alerts-spare" }), noParams);
    const channelId = ((await created.json()) as { channel: { id: string } }).channel.id;
    const { flowId } = await flowWithRuns(["failed", "failed"], at(-1));
    const ruleId = await failureRateRule(adminToken, flowId, [channelId]);
    await evaluateAlertRule({ ruleId, now: T0 });

    const deleteViaApi = (token: string) =>
      deleteChannelRoute(new Request(`http://localhost/api/v1/alerts/channels/${channelId}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({ channelId }),
      });
    const refused = await deleteViaApi(adminToken);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(`Failing ${flowId}`);
    expect((await deleteViaApi((await createUserWithToken("operator")).token)).status).toBe(403);
    await updateAlertRule({ actor, ruleId, input: { channelIds: [], enabled: false } });
    expect(await db.alertRule.findUniqueOrThrow({ where: { id: ruleId } })).toMatchObject({ channelIds: [], enabled: false });
    expect((await deleteViaApi(adminToken)).status).toBe(204);
    expect(await db.alertChannel.count({ where: { id: channelId } })).toBe(0);
    expect(await db.alertNotification.count({ where: { channelId } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "alert.channel_delete", targetId: channelId } })).toBe(1);
    await expect(deleteAlertChannel({ actor, channelId })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("alerts API", () => {
  it("sends a test alert and records it as a test notification", async () => {
    const response = await testChannelRoute(api(`/api/v1/alerts/channels/${telegramChannelId}/test`, adminToken, {}), { params: Promise.resolve({ channelId: telegramChannelId }) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { notification: unknown }).notification).toMatchObject({ kind: "test", ok: true });
    expect(receiver.received.map((r) => r.body.text)).toEqual([expect.stringMatching(/^\[TEST\]/)]);
    expect(await db.alertNotification.count({ where: { channelId: telegramChannelId, kind: "test", incidentId: null } })).toBe(1);
  });

  it("answers 422 for a bad rule or channel, and 403 to roles that may not", async () => {
    const badRules = [
      { name: "x", kind: "failure_rate", params: { percent: 500, windowMinutes: 5 } },
      { name: "x", kind: "no_such_kind", params: {} },
      { name: "x", kind: "oldest_pending", params: { olderThanMinutes: 5 }, channelIds: [randomUUID()] },
    ];
    for (const body of badRules) expect((await createRuleRoute(api("/api/v1/alerts/rules", adminToken, body), noParams)).status).toBe(422);
    const badChannels = [
      { name: "y", kind: "webhook", credentialRef: "no-such-credential" },
      { name: "y", kind: "telegram", config: { chatId: "not a chat" }, credentialRef: "alerts-bot" },
      { name: "y", kind: "telegram", config: { chatId: "42" }, credentialRef: "alerts-slack" },
    ];
    for (const body of badChannels) expect((await createChannelRoute(api("/api/v1/alerts/channels", adminToken, body), noParams)).status).toBe(422);

    const operator = (await createUserWithToken("operator")).token;
    const viewer = (await createUserWithToken("viewer")).token;
    expect((await listRulesRoute(api("/api/v1/alerts/rules", operator), noParams)).status).toBe(200);
    expect((await listRulesRoute(api("/api/v1/alerts/rules", viewer), noParams)).status).toBe(403);
    expect((await createRuleRoute(api("/api/v1/alerts/rules", operator, badRules[0]), noParams)).status).toBe(403);
    expect((await testChannelRoute(api(`/api/v1/alerts/channels/${webhookChannelId}/test`, operator, {}), { params: Promise.resolve({ channelId: webhookChannelId }) })).status).toBe(403);
    expect(receiver.received).toHaveLength(0);
  });

  it("never shows the webhook URL or the bot token in responses, history, errors or logs", async () => {
    const { flowId } = await flowWithRuns(["failed", "failed"], at(-1));
    const ruleId = await failureRateRule(adminToken, flowId, [webhookChannelId, telegramChannelId]);
    receiver.failPathPrefix = "/bot";
    await evaluateAlertRule({ ruleId, now: T0 });
    await testChannelRoute(api(`/api/v1/alerts/channels/${webhookChannelId}/test`, adminToken, {}), { params: Promise.resolve({ channelId: webhookChannelId }) });
    const sinks = [
      await (await listChannelsRoute(api("/api/v1/alerts/channels", adminToken), noParams)).text(),
      await (await listIncidentsRoute(api("/api/v1/alerts/incidents", adminToken), noParams)).text(),
      await (await listRulesRoute(api("/api/v1/alerts/rules", adminToken), noParams)).text(),
      JSON.stringify(await db.alertNotification.findMany()),
      JSON.stringify(await db.alertChannel.findMany()),
      JSON.stringify(await db.auditLog.findMany({ where: { action: { startsWith: "alert." } }, select: { details: true } })),
      logLines.join("\n"),
    ];
    expect(sinks[1]).toContain('"ok":false');
    for (const sink of sinks) {
      expect(sink).not.toContain(WEBHOOK_KEY);
      expect(sink).not.toContain(BOT_TOKEN.split(":")[1]);
    }
  });
});

// Last: a live worker evaluates on the real clock, which would resolve the incidents the tests above open at T0.
describe("alerts.evaluate in the worker", () => {
  it("is scheduled every minute and its job opens an incident and notifies", async () => {
    const boss = await startWorker({ databaseUrl: env.DATABASE_URL!, concurrency: 2, pollingIntervalSeconds: 0.5 });
    expect(await boss.getSchedule("alerts.evaluate")).toMatchObject({ cron: "* * * * *", timezone: "UTC" });
    const { flow, version } = await createPublishedFlow(fastDemoFlow("http://127.0.0.1:1"), "Alerts worker flow");
    await seedRun({ flowId: flow.id, flowVersionId: version.id, status: "queued", createdAt: new Date(Date.now() - 3600_000) });
    const created = await createRuleRoute(
      api("/api/v1/alerts/rules", adminToken, { name: "Backlog", kind: "oldest_pending", params: { olderThanMinutes: 30 }, flowId: flow.id, channelIds: [webhookChannelId] }),
      noParams,
    );
    const ruleId = ((await created.json()) as { rule: { id: string } }).rule.id;
    await boss.send("alerts.evaluate", {});
    const incident = await waitFor(() => db.alertIncident.findFirst({ where: { ruleId }, include: { notifications: true } }), { what: "the incident" });
    expect(incident.summary).toMatch(/oldest pending run has waited 60 min/);
    expect(incident.notifications).toMatchObject([{ kind: "firing", ok: true }]);
  });
});
