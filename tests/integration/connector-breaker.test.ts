import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listConnectorsRoute } from "@/app/api/v1/connectors/route";
import { POST as pauseRoute } from "@/app/api/v1/connectors/[connectorKey]/pause/route";
import { POST as resumeRoute } from "@/app/api/v1/connectors/[connectorKey]/resume/route";
import { acquireCallPermit } from "@/lib/connector-limits/acquire-call-permit";
import { configureConnector } from "@/lib/connector-limits/configure-connector";
import type { ConnectorState } from "@/lib/connector-limits/list-connector-states";
import { pauseConnector } from "@/lib/connector-limits/pause-connector";
import { resumeConnector } from "@/lib/connector-limits/resume-connector";
import { db } from "@/lib/db";
import { pollFlow } from "@/lib/polling/poll-flow";
import { getBoss } from "@/lib/queue/boss";
import { advanceRun } from "@/lib/runs/advance-run";
import { cancelRun } from "@/lib/runs/cancel-run";
import { waitSummarySchema } from "@/lib/runs/schema";
import type { DeferralReason } from "@/lib/runs/step-deferral";
import { deliverEvent, loadRun, publishCallFlow } from "@/tests/support/credential-flow";
import { startFakePaginatedSource, type FakePaginatedSource } from "@/tests/support/fake-paginated-source";
import { startFakeProvider, type FakeProvider } from "@/tests/support/fake-provider";
import { actingAs, createPublishedFlow, createUserWithToken, waitFor } from "@/tests/support/fixtures";
import { buildScheduleFlow, buildTokenPoll } from "@/tests/support/schedule-flow";

const providers: Array<FakeProvider | FakePaginatedSource> = [];
let operator: Awaited<ReturnType<typeof createUserWithToken>>;
let viewer: string;

beforeAll(async () => {
  operator = await createUserWithToken("operator");
  viewer = (await createUserWithToken("viewer")).token;
});

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
  await Promise.all(providers.map((provider) => provider.close()));
  await db.$disconnect();
});

async function startProvider(): Promise<FakeProvider> {
  const provider = await startFakeProvider();
  providers.push(provider);
  return provider;
}

const keyOf = (provider: { url: string }) => new URL(provider.url).host;

async function publishLeadFlow(provider: FakeProvider) {
  const { flow } = await publishCallFlow({ url: `${provider.url}/crm/leads`, retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 100 } });
  return flow;
}

/** Delivers an event and executes its run once, as the worker's job would. */
async function deliverAndAdvance(hookKey: string) {
  const { runId } = await deliverEvent(hookKey);
  return { runId, outcome: await advanceRun({ runId }) };
}

async function listConnectors(token: string): Promise<ConnectorState[]> {
  const response = await listConnectorsRoute(new Request("http://localhost/api/v1/connectors", { headers: { authorization: `Bearer ${token}` } }), undefined);
  expect(response.status).toBe(200);
  return ((await response.json()) as { connectors: ConnectorState[] }).connectors;
}

function resume(key: string, token: string) {
  const request = new Request(`http://localhost/api/v1/connectors/${encodeURIComponent(key)}/resume`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  return resumeRoute(request, { params: Promise.resolve({ connectorKey: key }) });
}

describe("the circuit breaker (R11)", () => {
  it("opens after a burst of 5xx, defers later runs instead of failing them, and closes after a successful probe", async () => {
    const target = await startProvider();
    await configureConnector({ key: keyOf(target), settings: { minCalls: 3, failureRatio: 0.5, windowSeconds: 60, openSeconds: 1, halfOpenProbes: 1 } });
    const flow = await publishLeadFlow(target);
    target.injectFaults({ type: "status", status: 503 }, { type: "status", status: 502 }, { type: "status", status: 503 });

    const failing = [];
    for (let i = 0; i < 3; i += 1) failing.push(await deliverAndAdvance(flow.hookKey));
    expect(failing.map(({ outcome }) => outcome.status)).toEqual(["waiting_retry", "waiting_retry", "waiting_retry"]);
    const opened = (await listConnectors(viewer)).find((connector) => connector.key === keyOf(target));
    expect(opened?.breaker).toMatchObject({ status: "open" });

    const held = await deliverAndAdvance(flow.hookKey);
    expect(held.outcome.status).toBe("waiting_retry");
    const heldRun = await loadRun(held.runId);
    expect(heldRun.status).toBe("waiting_retry");
    expect(heldRun.steps[1]).toMatchObject({ status: "waiting_retry", waitReason: "breaker_open", attemptCount: 0, attempts: [] });
    expect(target.requests).toHaveLength(3);

    // Once openSeconds have passed, the next attempt is the half-open probe; its success closes the breaker.
    await waitFor(async () => (await advanceRun({ runId: held.runId })).status === "succeeded", { what: "the probe to go through", timeoutMs: 10_000, intervalMs: 200 });
    expect(target.requests).toHaveLength(4);
    expect((await listConnectors(viewer)).find((connector) => connector.key === keyOf(target))?.breaker).toMatchObject({ status: "closed", windowCalls: 0 });
    for (const { runId } of failing) expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
  });

  it("opens again when the probe fails", async () => {
    const target = await startProvider();
    await configureConnector({ key: keyOf(target), settings: { minCalls: 1, failureRatio: 1, openSeconds: 1, halfOpenProbes: 1 } });
    const flow = await publishLeadFlow(target);
    target.injectFaults({ type: "status", status: 503 }, { type: "status", status: 503 });
    const { runId } = await deliverAndAdvance(flow.hookKey);
    expect((await listConnectors(viewer)).find((connector) => connector.key === keyOf(target))?.breaker.status).toBe("open");

    await waitFor(async () => {
      await advanceRun({ runId });
      return target.requests.length === 2;
    }, { what: "the probe to be sent", timeoutMs: 10_000, intervalMs: 200 });
    const state = (await listConnectors(viewer)).find((connector) => connector.key === keyOf(target));
    expect(state?.breaker).toMatchObject({ status: "open" });
    expect(state?.breaker.openedAt && new Date(state.breaker.openedAt).getTime()).toBeGreaterThanOrEqual(target.requests[1]!.receivedAt.getTime());
  });
});

describe("an auth failure pauses its connector (R8)", () => {
  it("pauses the connector with an alert, holds later runs until an operator resumes it, and audits the resume", async () => {
    const target = await startProvider();
    target.setAuth({ type: "bearer", token: "a token nobody configured" });
    const flow = await publishLeadFlow(target);
    const key = keyOf(target);

    const refused = await deliverAndAdvance(flow.hookKey);
    expect(refused.outcome).toEqual({ status: "failed" });
    expect((await loadRun(refused.runId)).steps[1]?.error).toMatchObject({ class: "auth", code: "http_401" });
    const paused = (await listConnectors(viewer)).find((connector) => connector.key === key);
    expect(paused?.paused).toMatchObject({ reason: expect.stringContaining("HTTP 401") });
    const alert = await db.alert.findFirstOrThrow({ where: { kind: "connector_paused", subject: key } });
    expect(alert).toMatchObject({ resolvedAt: null, message: expect.stringContaining(key) });

    // No retry storm: the next run does not call at all, and keeps its attempts.
    const held = await deliverAndAdvance(flow.hookKey);
    expect(held.outcome.status).toBe("waiting_retry");
    expect((await loadRun(held.runId)).steps[1]).toMatchObject({ status: "waiting_retry", waitReason: "connector_paused", attemptCount: 0 });
    expect(target.requests).toHaveLength(1);

    expect((await resume(key, viewer)).status).toBe(403);
    expect((await resume("no-such-connector", operator.token)).status).toBe(404);
    target.setAuth(undefined);
    const resumed = await resume(key, operator.token);
    expect(resumed.status).toBe(200);
    expect((await resume(key, operator.token)).status).toBe(409);
    expect(await db.alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ resolvedAt: expect.any(Date) });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "connector.resume", targetId: key } });
    expect(audit).toMatchObject({ actorId: operator.user.id, targetType: "connector" });
    expect((await listConnectors(viewer)).find((connector) => connector.key === key)?.paused).toBeNull();

    expect(await advanceRun({ runId: held.runId })).toEqual({ status: "succeeded" });
    expect((await loadRun(held.runId)).steps[1]).toMatchObject({ status: "succeeded", attemptCount: 1 });
  });
});

describe("a schedule poll counts against its source's connector (R8, R11)", () => {
  it("pauses the source's connector on a refused poll, then stops polling without calling it, and says why, until resumed", async () => {
    const source = await startFakePaginatedSource();
    providers.push(source);
    source.addItems(2);
    source.requireBearer("a token nobody configured");
    const { flow } = await createPublishedFlow(buildScheduleFlow({ poll: buildTokenPoll(source.url) }), `Poll ${randomUUID().slice(0, 8)}`);
    const poll = () => pollFlow({ flowId: flow.id, tickId: randomUUID() });

    expect(await poll()).toMatchObject({ status: "polled", stopped: "failed", failure: { class: "auth" } });
    expect(await poll()).toMatchObject({ status: "polled", stopped: "deferred", deferral: "connector_paused", pages: 0 });
    expect(source.requests).toHaveLength(1);
    expect((await db.pollState.findUniqueOrThrow({ where: { flowId: flow.id } })).lastError).toContain("connector_paused");

    source.requireBearer(undefined);
    expect((await resume(keyOf(source), operator.token)).status).toBe(200);
    expect(await poll()).toMatchObject({ status: "polled", stopped: "done", accepted: 2 });
  });
});

describe("a permit whose worker died (R11, R14)", () => {
  it("holds its slot until its lease ends, and then no longer", async () => {
    const target = await startProvider();
    const key = keyOf(target);
    await configureConnector({ key, host: key, settings: { maxInFlight: 1 } });
    const flow = await publishLeadFlow(target);
    // A worker took the only slot and died mid-call: its permit is never returned.
    const orphan = await acquireCallPermit({ connector: { key, host: key }, leaseMs: 60_000 });
    expect(orphan.granted).toBe(true);

    const held = await deliverAndAdvance(flow.hookKey);
    expect(held.outcome.status).toBe("waiting_retry");
    expect((await loadRun(held.runId)).steps[1]).toMatchObject({ waitReason: "connector_limit", attemptCount: 0 });
    expect(target.requests).toHaveLength(0);

    // Its lease ends (moved into the past rather than waited for).
    await db.connectorPermit.updateMany({ where: { connectorKey: key }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await advanceRun({ runId: held.runId })).toEqual({ status: "succeeded" });
    expect(await db.connectorPermit.count({ where: { connectorKey: key } })).toBe(0);
  });
});

describe("an operator's pause of a connector", () => {
  function pause(key: string, token: string, body?: unknown) {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) };
    const request = new Request(`http://localhost/api/v1/connectors/${encodeURIComponent(key)}/pause`, { method: "POST", headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return pauseRoute(request, { params: Promise.resolve({ connectorKey: key }) });
  }

  it("holds calls without failing them until it is resumed, audited both ways, and refuses a viewer, a double pause and an unknown key", async () => {
    const target = await startProvider();
    const flow = await publishLeadFlow(target);
    await deliverAndAdvance(flow.hookKey);
    const key = keyOf(target);

    expect((await pause(key, viewer)).status).toBe(403);
    expect((await pause(key, operator.token, { reason: "CRM maintenance until 11:00" })).status).toBe(200);
    expect((await pause(key, operator.token)).status).toBe(409);
    expect((await pause("nobody.example", operator.token)).status).toBe(404);
    expect((await pause(key, operator.token, { reason: "x".repeat(301) })).status).toBe(422);

    const held = await deliverAndAdvance(flow.hookKey);
    expect(held.outcome).toMatchObject({ status: "waiting_retry" });
    expect((await loadRun(held.runId)).steps[1]).toMatchObject({ status: "waiting_retry", waitReason: "connector_paused", attemptCount: 0 });
    expect(target.requests).toHaveLength(1);
    expect((await listConnectors(operator.token)).find((connector) => connector.key === key)?.paused?.reason).toMatch(/^Paused by .+: CRM maintenance until 11:00$/);

    expect((await resume(key, operator.token)).status).toBe(200);
    expect(await advanceRun({ runId: held.runId })).toMatchObject({ status: "succeeded" });
    expect(target.requests).toHaveLength(2);
    const audit = await db.auditLog.findMany({ where: { targetId: key }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audit.map((row) => row.action)).toEqual(["connector.pause", "connector.resume"]);
  });
});

async function callStep(runId: string) {
  const step = (await loadRun(runId)).steps[1];
  if (!step) throw new Error(`run ${runId} has no call step`);
  return step;
}

/**
 * Advances the run as its delayed jobs would, until it succeeds; returns how
 * often it was deferred for `reason` on the way (deferrals send nothing).
 */
async function advanceUntilDone(runId: string, provider: FakeProvider, reason: DeferralReason): Promise<number> {
  let deferrals = 0;
  await waitFor(async () => {
    const sent = provider.requests.length;
    const outcome = await advanceRun({ runId });
    const step = await callStep(runId);
    if (outcome.status === "waiting_retry" && provider.requests.length === sent && step.waitReason === reason) deferrals += 1;
    return outcome.status === "succeeded";
  }, { what: "the run to get through", timeoutMs: 15_000, intervalMs: 150 });
  return deferrals;
}

describe("waits recorded per attempt (R10, R11)", () => {
  it("gives the attempt after an open breaker the breaker deferrals it waited out, then clears them from the step", async () => {
    const target = await startProvider();
    await configureConnector({ key: keyOf(target), settings: { minCalls: 1, failureRatio: 1, windowSeconds: 60, openSeconds: 1, halfOpenProbes: 1 } });
    const flow = await publishLeadFlow(target);
    target.injectFaults({ type: "status", status: 503 });
    await advanceRun({ runId: (await deliverEvent(flow.hookKey)).runId });

    const { runId } = await deliverEvent(flow.hookKey);
    expect((await advanceRun({ runId })).status).toBe("waiting_retry");
    const held = await callStep(runId);
    expect(held).toMatchObject({ status: "waiting_retry", waitReason: "breaker_open", attemptCount: 0, attempts: [] });
    expect(waitSummarySchema.parse(held.pendingWaits)).toEqual({ breaker_open: expect.objectContaining({ count: 1, totalMs: 0 }) });

    const later = await advanceUntilDone(runId, target, "breaker_open");
    const done = await callStep(runId);
    expect(done.pendingWaits).toBeNull();
    expect(done.attempts).toHaveLength(1);
    const waited = waitSummarySchema.parse(done.attempts[0]!.waitedBefore);
    expect(Object.keys(waited)).toEqual(["breaker_open"]);
    expect(waited.breaker_open?.count).toBe(1 + later);
    // Consecutive waits: together they span from the first deferral to the attempt's start.
    expect(waited.breaker_open?.totalMs).toBe(done.attempts[0]!.startedAt.getTime() - Date.parse(waited.breaker_open!.firstAt));
  });

  it("gives the attempt after a connector-wide Retry-After window its retry_after deferrals, without using an attempt for them", async () => {
    const target = await startProvider();
    const flow = await publishLeadFlow(target);
    target.injectFaults({ type: "status", status: 429, retryAfter: "1" });
    const first = (await deliverEvent(flow.hookKey)).runId;
    await advanceRun({ runId: first });
    // The 429'd call was itself an attempt: its wait is the attempt's next-attempt line, not a deferral.
    expect((await callStep(first)).pendingWaits).toBeNull();

    const { runId } = await deliverEvent(flow.hookKey);
    await advanceRun({ runId });
    expect(await callStep(runId)).toMatchObject({ waitReason: "retry_after", attemptCount: 0 });
    const later = await advanceUntilDone(runId, target, "retry_after");
    const done = await callStep(runId);
    expect(done).toMatchObject({ attemptCount: 1, pendingWaits: null });
    expect(waitSummarySchema.parse(done.attempts[0]!.waitedBefore)).toEqual({ retry_after: expect.objectContaining({ count: 1 + later }) });
  });

  it("keeps a hundred deferrals as one summary per reason, and a cancelled step keeps the waits it had", async () => {
    const target = await startProvider();
    const flow = await publishLeadFlow(target);
    const actor = actingAs(operator.user);
    await configureConnector({ key: keyOf(target), settings: {} });
    await pauseConnector({ key: keyOf(target), reason: "maintenance", actor });

    const { runId } = await deliverEvent(flow.hookKey);
    const { runId: cancelled } = await deliverEvent(flow.hookKey);
    for (let i = 0; i < 100; i += 1) expect((await advanceRun({ runId })).status).toBe("waiting_retry");
    for (let i = 0; i < 2; i += 1) await advanceRun({ runId: cancelled });
    const held = await callStep(runId);
    expect(held.attemptCount).toBe(0);
    expect(waitSummarySchema.parse(held.pendingWaits)).toEqual({ connector_paused: expect.objectContaining({ count: 100 }) });
    expect(JSON.stringify(held.pendingWaits).length).toBeLessThan(200);

    await cancelRun({ runId: cancelled, actor });
    const stopped = await callStep(cancelled);
    expect(stopped.status).toBe("cancelled");
    expect(waitSummarySchema.parse(stopped.pendingWaits)).toEqual({ connector_paused: expect.objectContaining({ count: 2 }) });

    await resumeConnector({ key: keyOf(target), actor });
    expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
    const done = await callStep(runId);
    expect(done).toMatchObject({ attemptCount: 1, pendingWaits: null });
    expect(waitSummarySchema.parse(done.attempts[0]!.waitedBefore)).toEqual({ connector_paused: expect.objectContaining({ count: 100 }) });
    expect(target.requests).toHaveLength(1);
  });
});
