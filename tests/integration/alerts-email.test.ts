import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // lib/env.mjs reads the keyring when it first loads, which is before any test code runs.
  process.env.FLOWGATE_MASTER_KEYS ??= `test:${Buffer.alloc(32, 7).toString("base64")}`;
});

import { GET as listChannelsRoute, POST as createChannelRoute } from "@/app/api/v1/alerts/channels/route";
import { POST as testChannelRoute } from "@/app/api/v1/alerts/channels/[channelId]/test/route";
import { GET as listIncidentsRoute } from "@/app/api/v1/alerts/incidents/route";
import { evaluateAlertRule } from "@/lib/alerts/evaluate-alert-rule";
import { db } from "@/lib/db";
import { routeLogs } from "@/lib/log";
import { addRuns, api, at, failureRateRule, flowWithRuns, noParams, T0 } from "@/tests/support/alert-fixtures";
import { startFakeSmtpServer, type FakeSmtpServer } from "@/tests/support/fake-smtp-server";
import { createUserWithToken } from "@/tests/support/fixtures";
import { seedCredential } from "@/tests/support/seed-credential";

// Canary: the SMTP password must never show up outside the vault and the SMTP server itself.
const PASSWORD = `smtpCANARY${randomBytes(12).toString("hex")}`;
const USERNAME = "alerts@flowgate.test";
const logLines: string[] = [];
let smtp: FakeSmtpServer;
let adminToken: string;

async function emailChannel(name: string, credentialRef: string, to = ["ops@example.com", "oncall@example.com"]) {
  const response = await createChannelRoute(api("/api/v1/alerts/channels", adminToken, { name, kind: "email", config: { to }, credentialRef }), noParams);
  expect(response.status).toBe(201);
  return ((await response.json()) as { channel: { id: string } }).channel.id;
}
async function smtpCredential(name: string, fields: { host?: string; password?: string } = {}) {
  const { host = smtp.host, password = PASSWORD } = fields;
  await seedCredential({ name, secret: { type: "smtp", fields: { host, port: smtp.port, security: "none", username: USERNAME, password, from: "flowgate@example.com" } } });
}
async function sendTest(channelId: string) {
  const response = await testChannelRoute(api(`/api/v1/alerts/channels/${channelId}/test`, adminToken, {}), { params: Promise.resolve({ channelId }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { notification: { kind: string; ok: boolean; error: string | null } }).notification;
}

beforeAll(async () => {
  routeLogs(new Writable({ write: (chunk: Buffer, _encoding, callback) => (logLines.push(chunk.toString("utf8")), callback()) }));
  smtp = await startFakeSmtpServer({ username: USERNAME, password: PASSWORD });
  adminToken = (await createUserWithToken("admin")).token;
  await smtpCredential("alerts-smtp");
});

beforeEach(() => {
  smtp.received.length = 0;
  smtp.fault = "none";
});

afterAll(async () => {
  routeLogs(undefined);
  await smtp.close();
  await db.$disconnect();
});

describe("e-mail alert channel", () => {
  it("mails firing, repeat and resolved messages with their subjects to every recipient", async () => {
    const channelId = await emailChannel("Ops mail", "alerts-smtp");
    const { flowId, versionId } = await flowWithRuns(["failed", "failed", "failed"], at(-1));
    const ruleId = await failureRateRule(adminToken, flowId, [channelId]);
    const ruleName = `Failing ${flowId}`;

    expect((await evaluateAlertRule({ ruleId, now: T0 })).action).toBe("firing");
    expect((await evaluateAlertRule({ ruleId, now: at(29) })).action).toBeNull();
    expect((await evaluateAlertRule({ ruleId, now: at(31) })).action).toBe("repeat");
    await addRuns(flowId, versionId, Array(10).fill("succeeded"), at(31));
    expect((await evaluateAlertRule({ ruleId, now: at(32) })).action).toBe("resolved");

    expect(smtp.received.map((mail) => mail.subject)).toEqual([`[Flowgate] FIRING: ${ruleName}`, `[Flowgate] STILL FIRING: ${ruleName}`, `[Flowgate] RESOLVED: ${ruleName}`]);
    expect(smtp.received[0]).toMatchObject({ from: "flowgate@example.com", to: ["ops@example.com", "oncall@example.com"], text: expect.stringMatching(/^\[FIRING\] .*3 of 3 finished runs failed/) });
    const sent = await db.alertNotification.findMany({ where: { channelId }, orderBy: { sentAt: "asc" } });
    expect(sent.map((n) => `${n.kind}:${n.ok}`)).toEqual(["firing:true", "repeat:true", "resolved:true"]);
  });

  it("sends a test alert", async () => {
    const channelId = await emailChannel("Test mail", "alerts-smtp", ["test@example.com"]);
    expect(await sendTest(channelId)).toMatchObject({ kind: "test", ok: true, error: null });
    expect(smtp.received).toMatchObject([{ subject: "[Flowgate] TEST: test", to: ["test@example.com"], text: expect.stringMatching(/^\[TEST\]/) }]);
  });

  it("records each SMTP failure as a short readable error", async () => {
    const channelId = await emailChannel("Faulty mail", "alerts-smtp");
    const cases = [
      ["reject-auth", /refused the login \(SMTP 535\)/],
      ["reject-recipient", /refused a recipient \(SMTP 550\)/],
      ["drop", /closed the connection unexpectedly/],
      ["hang", /did not answer in time/],
    ] as const;
    for (const [fault, message] of cases) {
      smtp.fault = fault;
      const notification = await sendTest(channelId);
      expect(notification, fault).toMatchObject({ ok: false, error: expect.stringMatching(message) });
      expect(notification.error!.length).toBeLessThan(200);
    }
    expect(smtp.received).toHaveLength(0);
  });

  it("records a wrong password as a failed notification that does not contain any password", async () => {
    const wrong = `wrongCANARY${randomBytes(8).toString("hex")}`;
    await smtpCredential("alerts-smtp-wrong", { password: wrong });
    const channelId = await emailChannel("Wrong password mail", "alerts-smtp-wrong");
    const notification = await sendTest(channelId);
    expect(notification).toMatchObject({ ok: false, error: expect.stringMatching(/^the SMTP server 127\.0\.0\.1 refused the login/) });
    expect(smtp.passwordsTried).toContain(wrong);
    expect(JSON.stringify(await db.alertNotification.findMany({ where: { channelId } }))).not.toContain(wrong);
  });

  it("refuses a private SMTP host that is not on the outbound allow-list, before connecting", async () => {
    await smtpCredential("alerts-smtp-private", { host: "10.255.255.1" });
    const channelId = await emailChannel("Private mail", "alerts-smtp-private");
    expect(await sendTest(channelId)).toMatchObject({ ok: false, error: expect.stringMatching(/call to 10\.255\.255\.1 refused: .*allow-list/) });
  });

  it("refuses the e-mail kind with a credential of another type, and bad recipients", async () => {
    await seedCredential({ name: "alerts-not-smtp", secret: { type: "bearer", fields: { token: "t" } } });
    const bad = [
      { name: "x", kind: "email", config: { to: ["ops@example.com"] }, credentialRef: "alerts-not-smtp" },
      { name: "x", kind: "email", config: { to: [] }, credentialRef: "alerts-smtp" },
      { name: "x", kind: "email", config: { to: ["not an address"] }, credentialRef: "alerts-smtp" },
      { name: "x", kind: "email", config: { to: Array.from({ length: 21 }, (_, i) => `u${i}@example.com`) }, credentialRef: "alerts-smtp" },
    ];
    for (const body of bad) expect((await createChannelRoute(api("/api/v1/alerts/channels", adminToken, body), noParams)).status).toBe(422);
  });

  it("never shows the SMTP password in channels, history, the API or logs", async () => {
    const channelId = await emailChannel("Canary mail", "alerts-smtp");
    const { flowId } = await flowWithRuns(["failed", "failed"], at(-1));
    const ruleId = await failureRateRule(adminToken, flowId, [channelId]);
    await evaluateAlertRule({ ruleId, now: T0 });
    smtp.fault = "reject-auth";
    await sendTest(channelId);
    expect(smtp.passwordsTried).toContain(PASSWORD);
    const sinks = [
      await (await listChannelsRoute(api("/api/v1/alerts/channels", adminToken), noParams)).text(),
      await (await listIncidentsRoute(api("/api/v1/alerts/incidents", adminToken), noParams)).text(),
      JSON.stringify(await db.alertChannel.findMany()),
      JSON.stringify(await db.alertNotification.findMany()),
      JSON.stringify(await db.auditLog.findMany({ where: { action: { startsWith: "alert." } }, select: { details: true } })),
      logLines.join("\n"),
    ];
    expect(sinks[3]).toContain('"ok":false');
    const encoded = Buffer.from(PASSWORD).toString("base64");
    for (const sink of sinks) {
      expect(sink).not.toContain(PASSWORD);
      expect(sink).not.toContain(encoded);
    }
  });
});
