import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureConnector } from "@/lib/connector-limits/configure-connector";
import { listConnectorStates } from "@/lib/connector-limits/list-connector-states";
import { db } from "@/lib/db";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { env } from "@/lib/env.mjs";
import { startWorker } from "@/worker/start-worker";
import { deliverEvent, loadRun, publishCallFlow } from "@/tests/support/credential-flow";
import { startFakeProvider, type FakeProvider } from "@/tests/support/fake-provider";
import { waitFor } from "@/tests/support/fixtures";

// Two pg-boss workers on one database, as two worker processes would run;
// the limits live in PostgreSQL, so whatever one worker takes the other sees.
const workers: PgBoss[] = [];
const providers: FakeProvider[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i += 1) workers.push(await startWorker({ databaseUrl: env.DATABASE_URL!, concurrency: 10, pollingIntervalSeconds: 0.5 }));
});

afterAll(async () => {
  for (const worker of workers) await worker.stop({ graceful: false });
  await Promise.all(providers.map((provider) => provider.close()));
  await db.$disconnect();
});

async function startProvider(): Promise<FakeProvider> {
  const provider = await startFakeProvider();
  providers.push(provider);
  return provider;
}

/** A flow whose one step creates a lead at `provider`, retrying fast on temporary failures. */
async function publishLeadFlow(provider: FakeProvider) {
  const { flow } = await publishCallFlow({ url: `${provider.url}/crm/leads`, retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 100 } });
  return flow;
}

async function callStep(runId: string) {
  return (await loadRun(runId)).steps[1];
}

function waitForRuns(runIds: string[], status: RunStatus, timeoutMs = 30_000) {
  return waitFor(async () => (await db.run.count({ where: { id: { in: runIds }, status } })) === runIds.length, { what: `${runIds.length} runs to be ${status}`, timeoutMs, intervalMs: 200 });
}

describe("per-connector limits across workers (R10, R11)", () => {
  it("holds every call to a connector that answered 429 with Retry-After: 5 for 5 s, without using attempts, while other connectors proceed", async () => {
    const [a, b] = [await startProvider(), await startProvider()];
    const [flowA, flowB] = [await publishLeadFlow(a), await publishLeadFlow(b)];
    a.injectFaults({ type: "status", status: 429, retryAfter: "5" });

    const { runId: first } = await deliverEvent(flowA.hookKey);
    const limited = await waitFor(async () => {
      const step = await callStep(first);
      return step?.status === "waiting_retry" ? step : undefined;
    }, { what: "the first call to be answered 429" });
    // The 429'd call itself was an attempt; it waits for the announced time.
    expect(limited).toMatchObject({ attemptCount: 1, waitReason: "retry_after" });
    const windowEnd = a.requests[0]!.receivedAt.getTime() + 5_000;

    const others = [(await deliverEvent(flowA.hookKey)).runId, (await deliverEvent(flowA.hookKey)).runId];
    const { runId: onB } = await deliverEvent(flowB.hookKey);
    await waitForRuns([onB], "succeeded");
    expect(b.requests[0]!.receivedAt.getTime()).toBeLessThan(windowEnd);

    // The other runs on A were deferred before sending: waiting, with no attempt used and none recorded.
    for (const runId of others) {
      const step = await waitFor(async () => {
        const found = await callStep(runId);
        return found?.status === "waiting_retry" ? found : undefined;
      }, { what: "a run on the limited connector to be deferred" });
      expect(step).toMatchObject({ waitReason: "retry_after", attemptCount: 0, attempts: [] });
      expect((await loadRun(runId)).status).toBe("waiting_retry");
    }
    const state = (await listConnectorStates()).find((connector) => connector.key === new URL(a.url).host);
    expect(state?.retryAfterUntil?.getTime()).toBeGreaterThanOrEqual(windowEnd);

    await waitForRuns([first, ...others], "succeeded");
    expect(a.requests).toHaveLength(4);
    for (const request of a.requests.slice(1)) expect(request.receivedAt.getTime()).toBeGreaterThanOrEqual(windowEnd);
    for (const runId of others) expect(await callStep(runId)).toMatchObject({ attemptCount: 1 });
  });

  it("gives attempts answered with Retry-After back to the budget: three 429s and a 200 succeed under maxAttempts 2", async () => {
    const provider = await startProvider();
    const { flow } = await publishCallFlow({ url: `${provider.url}/crm/leads`, retry: { maxAttempts: 2, baseDelayMs: 50, maxDelayMs: 100 } });
    provider.injectFaults(...Array.from({ length: 3 }, () => ({ type: "status" as const, status: 429, retryAfter: "1" })));

    const { runId } = await deliverEvent(flow.hookKey);
    await waitForRuns([runId], "succeeded");
    // Every answer was recorded as an attempt, but only the last one counted against the budget.
    expect(await callStep(runId)).toMatchObject({ attemptCount: 4, rateLimitedAttempts: 3 });
    const attempts = (await loadRun(runId)).steps[1]!.attempts;
    expect(attempts.map((attempt) => [attempt.retryReason, attempt.retryDelayMs])).toEqual([["retry_after", 1_000], ["retry_after", 1_000], ["retry_after", 1_000], [null, null]]);
    expect(provider.requests).toHaveLength(4);
  });

  it("still fails a step after maxAttempts temporary failures without Retry-After", async () => {
    const provider = await startProvider();
    const { flow } = await publishCallFlow({ url: `${provider.url}/crm/leads`, retry: { maxAttempts: 2, baseDelayMs: 50, maxDelayMs: 100 } });
    provider.injectFaults({ type: "status", status: 502 }, { type: "status", status: 502 });

    const { runId } = await deliverEvent(flow.hookKey);
    await waitForRuns([runId], "failed");
    expect(await callStep(runId)).toMatchObject({ attemptCount: 2, rateLimitedAttempts: 0 });
    expect(provider.requests).toHaveLength(2);
  });

  it("never has more than maxInFlight calls to a connector in flight, across two workers of concurrency 10", async () => {
    const target = await startProvider();
    await configureConnector({ key: new URL(target.url).host, settings: { maxInFlight: 3, maxPerSecond: 1_000 } });
    const flow = await publishLeadFlow(target);
    target.injectFaults(...Array.from({ length: 30 }, () => ({ type: "delay" as const, ms: 150 })));

    const runIds: string[] = [];
    for (let i = 0; i < 30; i += 1) runIds.push((await deliverEvent(flow.hookKey)).runId);
    await waitForRuns(runIds, "succeeded", 45_000);

    expect(target.maxConcurrency()).toBeLessThanOrEqual(3);
    // The limit was reached, not merely never approached.
    expect(target.maxConcurrency()).toBeGreaterThanOrEqual(2);
    expect(target.records.size).toBe(30);
    // Waiting for a slot never cost an attempt.
    const steps = await db.stepRun.findMany({ where: { runId: { in: runIds }, kind: "http-request" } });
    expect(steps.map((step) => step.attemptCount)).toEqual(Array(30).fill(1));
    expect((await listConnectorStates()).find((connector) => connector.key === new URL(target.url).host)?.inFlight).toBe(0);
  }, 60_000);
});
