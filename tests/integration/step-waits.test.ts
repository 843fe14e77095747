import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureConnector } from "@/lib/connector-limits/configure-connector";
import { pauseConnector } from "@/lib/connector-limits/pause-connector";
import { resumeConnector } from "@/lib/connector-limits/resume-connector";
import { db } from "@/lib/db";
import { getBoss } from "@/lib/queue/boss";
import { advanceRun } from "@/lib/runs/advance-run";
import { cancelRun } from "@/lib/runs/cancel-run";
import { waitSummarySchema } from "@/lib/runs/schema";
import type { DeferralReason } from "@/lib/runs/step-deferral";
import { deliverEvent, loadRun, publishCallFlow } from "@/tests/support/credential-flow";
import { startFakeProvider, type FakeProvider } from "@/tests/support/fake-provider";
import { actingAs, createUserWithToken, waitFor } from "@/tests/support/fixtures";

const providers: FakeProvider[] = [];
let operator: Awaited<ReturnType<typeof createUserWithToken>>;

beforeAll(async () => {
  operator = await createUserWithToken("operator");
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
