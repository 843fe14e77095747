import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { getBoss } from "@/lib/queue/boss";
import { loadDashboard } from "@/lib/dashboard/load-dashboard";
import { rollUpMinuteBuckets } from "@/lib/dashboard/roll-up-minute-buckets";
import { CALL_MS_BUCKET_FLOORS } from "@/lib/dashboard/latency-histogram";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { storeRunAccounting } from "@/lib/runs/store-run-accounting";
import { startWorker } from "@/worker/start-worker";
import { createPublishedFlow, waitFor } from "@/tests/support/fixtures";
import { seedRun } from "@/tests/support/seed-runs";

const CONNECTOR = "crm@api.example.com";
const OTHER_CONNECTOR = "other@other.example.com";
const now = new Date();
const thisMinute = Math.floor(now.getTime() / 60_000) * 60_000;
const minutesAgo = (minutes: number, seconds = 10) => new Date(thisMinute - minutes * 60_000 + seconds * 1000);

let flowId: string;
let versionId: string;

/** A finished run with one call attempt per duration; attempts before the last failed and were retried. */
async function seedFinished(status: "succeeded" | "failed", finishedAt: Date, durations: number[]) {
  const { runId } = await seedRun({ flowId, flowVersionId: versionId, status, createdAt: finishedAt, connectorKey: CONNECTOR });
  await db.run.update({ where: { id: runId }, data: { finishedAt } });
  const step = await db.stepRun.findFirstOrThrow({ where: { runId } });
  await db.stepAttempt.createMany({
    data: durations.map((durationMs, index) => {
      const last = index === durations.length - 1;
      const failed = !last || status === "failed";
      return { stepRunId: step.id, number: index + 1, status: failed ? "failed" : "succeeded", connectorKey: CONNECTOR, startedAt: finishedAt, durationMs, retryDelayMs: last ? null : 1000 };
    }),
  });
}

beforeAll(async () => {
  const { flow, version } = await createPublishedFlow(buildDemoFlowDefinition("http://127.0.0.1:9/d"), "Dashboard flow");
  flowId = flow.id;
  versionId = version.id;
  await seedFinished("succeeded", minutesAgo(1), [100]);
  await seedFinished("succeeded", minutesAgo(1), [200]);
  await seedFinished("failed", minutesAgo(1), [300, 400]);
  await seedFinished("succeeded", minutesAgo(2), [50]);
  await seedFinished("failed", minutesAgo(2), [500]);
  // In the current, unfinished minute: the rollup leaves it to a later pass.
  await seedFinished("succeeded", new Date(thisMinute + 1000), [10]);
  // Live connector state: a Retry-After in force, one run waiting on it and one on another connector.
  await db.connector.create({ data: { key: CONNECTOR, host: "api.example.com", retryAfterUntil: new Date(now.getTime() + 3_600_000) } });
  await db.connector.create({ data: { key: OTHER_CONNECTOR, host: "other.example.com" } });
  await seedWaiting(CONNECTOR, "retry_after");
  await seedWaiting(OTHER_CONNECTOR, "backoff");
  await rollUpMinuteBuckets({ now });
});

async function seedWaiting(connectorKey: string, waitReason: string) {
  const { runId } = await seedRun({ flowId, flowVersionId: versionId, status: "waiting_retry", connectorKey });
  await db.stepRun.updateMany({ where: { runId }, data: { status: "waiting_retry", waitReason, nextAttemptAt: new Date(now.getTime() + 60_000) } });
}

/** A histogram as [bucket floor in ms, count] pairs, empty buckets left out. */
const nonEmpty = (histogram: number[]) => histogram.flatMap((count, index) => (count > 0 ? [[CALL_MS_BUCKET_FLOORS[index], count]] : []));

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});

const buckets = () => db.runMinuteBucket.findMany({ where: { flowId }, orderBy: [{ minute: "asc" }, { connectorKey: "asc" }] });

describe("dashboard minute buckets", () => {
  it("rolls up the last whole minutes idempotently: a second pass writes the same numbers", async () => {
    await rollUpMinuteBuckets({ now });
    const first = await buckets();
    await rollUpMinuteBuckets({ now });
    expect(await buckets()).toEqual(first);

    const byKey = (minute: Date, connectorKey: string) => first.find((row) => row.minute.getTime() === minute.getTime() && row.connectorKey === connectorKey);
    const oneAgo = new Date(thisMinute - 60_000);
    expect(byKey(oneAgo, "")).toMatchObject({ succeeded: 2, failed: 1 });
    expect(byKey(oneAgo, CONNECTOR)).toMatchObject({ attempts: 4, failedAttempts: 2, retried: 1, callMsSum: 1000 });
    expect(nonEmpty(byKey(oneAgo, CONNECTOR)!.callMsHistogram)).toEqual([[100, 1], [200, 1], [300, 1], [400, 1]]);
    expect(byKey(oneAgo, CONNECTOR)!.callMsHistogram).toHaveLength(CALL_MS_BUCKET_FLOORS.length);
    expect(byKey(new Date(thisMinute - 120_000), "")).toMatchObject({ succeeded: 1, failed: 1 });
    expect(byKey(new Date(thisMinute - 120_000), CONNECTOR)).toMatchObject({ attempts: 2, failedAttempts: 1, retried: 0, callMsSum: 550 });
    expect(nonEmpty(byKey(new Date(thisMinute - 120_000), CONNECTOR)!.callMsHistogram)).toEqual([[50, 1], [500, 1]]);
    expect(first.some((row) => row.minute.getTime() === thisMinute)).toBe(false);
  });

  it("prunes buckets older than eight days", async () => {
    const old = new Date(thisMinute - 9 * 24 * 3_600_000);
    await db.runMinuteBucket.create({ data: { minute: old, flowId, succeeded: 1 } });
    await rollUpMinuteBuckets({ now });
    expect(await db.runMinuteBucket.count({ where: { flowId, minute: old } })).toBe(0);
  });
});

describe("loadDashboard", () => {
  it("charts an hour per minute and grades the failure rate red at 2 of 5", async () => {
    const dashboard = await loadDashboard({ range: "hour", flowId, now });
    expect(dashboard.series).toHaveLength(60);
    const point = dashboard.series.find((entry) => entry.at.getTime() === thisMinute - 60_000);
    expect(point).toMatchObject({ succeeded: 2, failed: 1, attempts: 4, retried: 1 });
    expect(point?.failureRate).toBeCloseTo(1 / 3);
    const tile = (name: string) => dashboard.tiles.find((entry) => entry.name === name);
    expect(tile("failure-rate")).toMatchObject({ value: 0.4, level: "red" });
    expect(tile("success-rate")?.value).toBeCloseTo(0.6);
    expect(tile("retries")).toMatchObject({ value: 1 });
    expect(dashboard.latency).toEqual([expect.objectContaining({ connectorKey: CONNECTOR, attempts: 6 })]);
  });

  it("sums the same minutes into 15-minute points for a day", async () => {
    const dashboard = await loadDashboard({ range: "day", flowId, now });
    expect(dashboard.series).toHaveLength(96);
    const totals = dashboard.series.reduce((sum, point) => sum + point.succeeded + point.failed, 0);
    expect(totals).toBe(5);
  });

  it("reads p50 and p95 per connector off the summed histograms of several minutes, not the minutes' own percentiles", async () => {
    // 50, 100, 200, 300, 400 and 500 ms over two minutes: rank 3 lies in 200–250 ms, rank 6 in 500–600 ms.
    const expected = { connectorKey: CONNECTOR, attempts: 6, failedAttempts: 3, retried: 1, p50Ms: 225, p95Ms: 550 };
    for (const range of ["hour", "day", "week"] as const) {
      const dashboard = await loadDashboard({ range, flowId, now });
      expect(dashboard.latency).toEqual([{ ...expected, avgMs: expect.closeTo(1550 / 6) }]);
    }
  });
});

describe("loadDashboard for one connector", () => {
  it("charts the connector's calls, failed calls and latency per minute, with its breaker, Retry-After and waiting runs", async () => {
    const dashboard = await loadDashboard({ range: "hour", flowId, connectorKey: CONNECTOR, now });
    expect(dashboard.unknownConnector).toBeNull();
    const connector = dashboard.connector!;
    expect(connector).toMatchObject({ key: CONNECTOR, breaker: "closed", retryAfterUntil: expect.any(Date) });
    const at = (minutes: number) => connector.series.find((point) => point.at.getTime() === thisMinute - minutes * 60_000);
    expect(at(1)).toEqual({ at: new Date(thisMinute - 60_000), succeeded: 0, failed: 0, attempts: 4, failedAttempts: 2, retried: 1, failureRate: null, attemptFailureRate: 0.5, p50Ms: 225, p95Ms: 450 });
    expect(at(2)).toMatchObject({ attempts: 2, failedAttempts: 1, retried: 0, attemptFailureRate: 0.5, p50Ms: 55, p95Ms: 550 });
    expect(at(3)).toMatchObject({ attempts: 0, attemptFailureRate: null, p50Ms: null, p95Ms: null });
    const tile = Object.fromEntries(connector.tiles.map((entry) => [entry.name, entry]));
    expect(tile["connector-calls"]).toMatchObject({ value: 6 });
    expect(tile["connector-failure-rate"]).toMatchObject({ value: 0.5, level: "red" });
    expect(tile["connector-retries"]).toMatchObject({ value: 1 });
    expect(tile["connector-p50"]).toMatchObject({ value: 225, unit: "milliseconds" });
    expect(tile["connector-p95"]).toMatchObject({ value: 550, unit: "milliseconds" });
    expect(tile["connector-waiting"]).toMatchObject({ value: 1 });
    expect(tile["connector-retry-after"]).toMatchObject({ value: 1 });
  });

  it("sees nothing of the connector outside the chosen flow", async () => {
    const { flow } = await createPublishedFlow(buildDemoFlowDefinition("http://127.0.0.1:9/d"), "Quiet flow");
    const dashboard = await loadDashboard({ range: "hour", flowId: flow.id, connectorKey: CONNECTOR, now });
    expect(dashboard.connector?.series.every((point) => point.attempts === 0)).toBe(true);
    expect(dashboard.connector?.tiles.find((entry) => entry.name === "connector-waiting")).toMatchObject({ value: 0 });
  });

  it("falls back to every connector, naming the unknown key, when no connector has that key", async () => {
    const dashboard = await loadDashboard({ range: "hour", flowId, connectorKey: "nope@nowhere.example", now });
    expect(dashboard).toMatchObject({ connector: null, unknownConnector: "nope@nowhere.example" });
    expect(dashboard.latency.map((row) => row.connectorKey)).toEqual([CONNECTOR]);
  });
});

describe("the stored R16 check", () => {
  it("flags an unbalanced flow and not a balanced one, and the dashboard shows what was stored and when", async () => {
    const { flow: balanced, version } = await createPublishedFlow(buildDemoFlowDefinition("http://127.0.0.1:9/d"), "Balanced flow");
    await seedRun({ flowId: balanced.id, flowVersionId: version.id, status: "succeeded" });
    await seedRun({ flowId: balanced.id, flowVersionId: version.id, status: "failed" });
    await seedRun({ flowId: balanced.id, flowVersionId: version.id, status: "cancelled" });
    await storeRunAccounting({ now });
    expect(await db.flowAccountingCheck.findUnique({ where: { flowId: balanced.id } })).toMatchObject({ received: 3, succeeded: 1, failed: 1, cancelled: 1, atRest: true, holds: true, checkedAt: now });
    const before = await loadDashboard({ range: "hour", flowId, now: new Date(now.getTime() + 42_000) });
    expect(before.warnings).toEqual([]);
    expect(before.tiles.find((tile) => tile.name === "accounting")).toMatchObject({ value: 0, level: "ok", note: "checked 42 s ago" });

    // An event without a run is a loss: the dashboard learns of it from the next stored check, not by scanning on load.
    await db.event.create({ data: { flowId, source: `hook:${flowId}`, contentType: "application/json", rawBody: "{}", headers: {} } });
    expect((await loadDashboard({ range: "hour", flowId, now })).warnings).toEqual([]);
    expect(await storeRunAccounting({ now })).toMatchObject({ unbalanced: 1 });
    const after = await loadDashboard({ range: "hour", now });
    expect(after.warnings).toEqual([expect.objectContaining({ flowId, flowName: "Dashboard flow", withoutRun: 1, holds: false })]);
    expect(after.tiles.find((tile) => tile.name === "accounting")).toMatchObject({ value: 1, level: "red" });
    expect(after.accountingCheckedAt).toEqual(now);
  });

  it("drops the stored row of a flow the check no longer sees", async () => {
    const { flow } = await createPublishedFlow(buildDemoFlowDefinition("http://127.0.0.1:9/d"), "Emptied flow");
    const older = new Date(now.getTime() - 60_000);
    await db.flowAccountingCheck.create({
      data: { flowId: flow.id, received: 1, events: 1, duplicateDeliveries: 0, succeeded: 1, failed: 0, skippedDuplicate: 0, skippedStale: 0, cancelled: 0, needsReview: 0, inFlight: 0, replays: 0, withoutRun: 0, atRest: true, holds: true, checkedAt: older },
    });
    await storeRunAccounting({ now });
    expect(await db.flowAccountingCheck.count({ where: { flowId: flow.id } })).toBe(0);
  });

  it("shows the R16 tile as not checked yet before the first stored check", async () => {
    const { flow } = await createPublishedFlow(buildDemoFlowDefinition("http://127.0.0.1:9/d"), "Unchecked flow");
    const dashboard = await loadDashboard({ range: "hour", flowId: flow.id, now });
    expect(dashboard.tiles.find((tile) => tile.name === "accounting")).toMatchObject({ value: 0, note: "not checked yet" });
  });
});

// Last: a live worker rolls up and checks on the real clock.
describe("the dashboard jobs in the worker", () => {
  it("are scheduled every minute, and a dashboard.accounting job stores the check", async () => {
    const boss = await startWorker({ databaseUrl: env.DATABASE_URL!, concurrency: 2, pollingIntervalSeconds: 0.5 });
    for (const name of ["dashboard.rollup", "dashboard.accounting"]) expect(await boss.getSchedule(name)).toMatchObject({ cron: "* * * * *", timezone: "UTC" });
    const { flow, version } = await createPublishedFlow(buildDemoFlowDefinition("http://127.0.0.1:9/d"), "Worker-checked flow");
    await seedRun({ flowId: flow.id, flowVersionId: version.id, status: "succeeded" });
    await boss.send("dashboard.accounting", {});
    const stored = await waitFor(() => db.flowAccountingCheck.findUnique({ where: { flowId: flow.id } }), { what: "the stored check" });
    expect(stored).toMatchObject({ received: 1, succeeded: 1, holds: true });
  });
});
