import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadDashboard } from "@/lib/dashboard/load-dashboard";
import { rollUpMinuteBuckets } from "@/lib/dashboard/roll-up-minute-buckets";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { createPublishedFlow } from "@/tests/support/fixtures";
import { seedRun } from "@/tests/support/seed-runs";

const CONNECTOR = "crm@api.example.com";
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
});

afterAll(() => db.$disconnect());

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
    expect(byKey(oneAgo, CONNECTOR)).toMatchObject({ attempts: 4, retried: 1, callMsSum: 1000 });
    expect(byKey(new Date(thisMinute - 120_000), "")).toMatchObject({ succeeded: 1, failed: 1 });
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

  it("warns about a flow whose R16 identity does not hold: an event without a run", async () => {
    const before = await loadDashboard({ range: "hour", flowId, now });
    expect(before.warnings).toEqual([]);
    expect(before.tiles.find((tile) => tile.name === "accounting")).toMatchObject({ value: 0, level: "ok" });

    await db.event.create({ data: { flowId, source: `hook:${flowId}`, contentType: "application/json", rawBody: "{}", headers: {} } });
    const after = await loadDashboard({ range: "hour", flowId, now });
    expect(after.warnings).toEqual([expect.objectContaining({ flowId, flowName: "Dashboard flow", withoutRun: 1, holds: false })]);
    expect(after.tiles.find((tile) => tile.name === "accounting")).toMatchObject({ value: 1, level: "red" });
  });
});
