// `npm run bench:runs`: the runs list at a million runs. Seeds events, runs
// and steps with generate_series, then times the list with two filters (first
// page and a deep page via cursor), the status counts and exact searches, and
// prints each query's plan. Then the dashboard over the same runs and a week
// of minute buckets: a load as it is now (R16 read from the stored check),
// a load as it was (R16 checked inline on every load) and the worker's
// dashboard.accounting pass. Prints figures; nothing here asserts on time.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { seedBenchBuckets } from "@/scripts/support/seed-bench-buckets";
import { seedBenchRuns } from "@/scripts/support/seed-bench-runs";

const RUNS = Number(process.env.BENCH_RUNS ?? 1_000_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 50);
const DASHBOARD_REPEAT = Number(process.env.BENCH_DASHBOARD_REPEAT ?? 5);
const FLOWS = 20;
const PORT = Number(process.env.BENCH_PG_PORT ?? 54359);

process.env.LOG_LEVEL = "error";
const { openBenchDatabase } = await import("@/scripts/support/open-bench-database");
const bench = await openBenchDatabase({ name: "bench-runs", port: PORT });
const { db } = await import("@/lib/db");
const { buildDemoFlowDefinition } = await import("@/lib/flows/demo-flow");
const { listRuns } = await import("@/lib/runs/list-runs");
const { countRunsByStatus } = await import("@/lib/runs/count-runs-by-status");
const { encodeRunCursor } = await import("@/lib/runs/run-cursor");
const { loadDashboard } = await import("@/lib/dashboard/load-dashboard");
const { checkRunAccounting } = await import("@/lib/runs/check-run-accounting");
const { storeRunAccounting } = await import("@/lib/runs/store-run-accounting");

const definition = buildDemoFlowDefinition("http://127.0.0.1:9/crm/leads");
const flows = [];
for (let index = 0; index < FLOWS; index += 1) {
  const flow = await db.flow.create({ data: { name: `bench ${index}`, hookKey: `bench-${index}`, draft: definition } });
  const versions = await Promise.all([1, 2].map((number) => db.flowVersion.create({ data: { flowId: flow.id, number, definition } })));
  flows.push({ flowId: flow.id, versionIds: versions.map((version) => version.id) });
}
const sql = new pg.Client({ connectionString: bench.databaseUrl });
await sql.connect();
const seedStart = performance.now();
await seedBenchRuns(sql, { runs: RUNS, flows });
console.log(`\nSeeded ${RUNS.toLocaleString("en")} runs (events, runs, steps) in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`);

const busyFlow = flows[0]!.flowId;
const weekAgo = new Date(Date.now() - 7 * 86_400_000);
// A deep page: the cursor of a row far down the busiest flow's list (100,000 rows at a million runs).
const DEPTH = Math.min(100_000, Math.floor(RUNS / 10));
const { rows: deep } = await sql.query<{ createdAt: Date; id: string }>(`SELECT "createdAt", id FROM "Run" WHERE "flowId" = $1 ORDER BY "createdAt" DESC, id DESC OFFSET $2 LIMIT 1`, [busyFlow, DEPTH]);
const deepCursor = encodeRunCursor(deep[0]!);
const sampleEvent = `evt-${Math.floor(RUNS / 2)}`;
const { rows: keys } = await sql.query<{ key: string }>(`SELECT "idempotencyKey" AS key FROM "StepRun" OFFSET 4242 LIMIT 1`);

const page = { pageSize: 50 };
const cases: { name: string; run: () => Promise<unknown>; explain: string; params: unknown[] }[] = [
  { name: "flow + status=failed, first page", run: () => listRuns({ ...page, flowId: busyFlow, status: ["failed"] }),
    explain: `SELECT id FROM "Run" WHERE "flowId" = $1 AND status IN ('failed') ORDER BY "createdAt" DESC, id DESC LIMIT 51`, params: [busyFlow] },
  { name: "status=failed,waiting_retry + last 7 days, first page", run: () => listRuns({ ...page, status: ["failed", "waiting_retry"], from: weekAgo }),
    explain: `SELECT id FROM "Run" WHERE status IN ('failed','waiting_retry') AND "createdAt" >= $1 ORDER BY "createdAt" DESC, id DESC LIMIT 51`, params: [weekAgo] },
  { name: `flow, deep page (cursor ${DEPTH.toLocaleString("en")} rows down)`, run: () => listRuns({ ...page, flowId: busyFlow, cursor: deepCursor }),
    explain: `SELECT id FROM "Run" WHERE "flowId" = $1 AND "createdAt" <= $2 AND ("createdAt" < $2 OR id < $3) ORDER BY "createdAt" DESC, id DESC LIMIT 51`, params: [busyFlow, deep[0]!.createdAt, deep[0]!.id] },
  { name: "flow + status=failed + deep cursor", run: () => listRuns({ ...page, flowId: busyFlow, status: ["failed"], cursor: deepCursor }),
    explain: `SELECT id FROM "Run" WHERE "flowId" = $1 AND status IN ('failed') AND "createdAt" <= $2 AND ("createdAt" < $2 OR id < $3) ORDER BY "createdAt" DESC, id DESC LIMIT 51`, params: [busyFlow, deep[0]!.createdAt, deep[0]!.id] },
  { name: "counts per status, one flow", run: () => countRunsByStatus({ flowId: busyFlow }),
    explain: `SELECT status, count(*) FROM "Run" WHERE "flowId" = $1 GROUP BY status`, params: [busyFlow] },
  { name: "search by provider event id", run: () => listRuns({ ...page, q: sampleEvent }),
    explain: `SELECT id FROM "Event" WHERE "providerEventId" = $1 OR "businessKey" = $1`, params: [sampleEvent] },
  { name: "search by idempotency key", run: () => listRuns({ ...page, q: keys[0]!.key }),
    explain: `SELECT "runId" FROM "StepRun" WHERE "idempotencyKey" = $1`, params: [keys[0]!.key] },
];

/** p50 and p95 of `repeat` timed calls after one warm-up, as printable strings. */
async function timeCase(run: () => Promise<unknown>, repeat: number): Promise<{ p50: string; p95: string }> {
  await run();
  const times: number[] = [];
  for (let index = 0; index < repeat; index += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => `${times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1)} ms`;
  return { p50: pct(50), p95: pct(95) };
}

async function printCases(title: string, list: { name: string; run: () => Promise<unknown> }[], repeat: number) {
  console.log(`\n${title.padEnd(55)} ${"p50".padStart(10)} ${"p95".padStart(10)}   (${repeat} runs each)`);
  for (const benchCase of list) {
    const { p50, p95 } = await timeCase(benchCase.run, repeat);
    console.log(`${benchCase.name.padEnd(55)} ${p50.padStart(10)} ${p95.padStart(10)}`);
  }
}

await printCases("query (through lib/runs)", cases, REPEAT);

// The dashboard: a week of minute buckets per flow (runs, and calls with a
// latency histogram) as the rollup would have left them, the flows'
// connectors, and the R16 check stored once by the worker's pass.
const bucketStart = performance.now();
await seedBenchBuckets(sql, { flowIds: flows.map((flow) => flow.flowId) });
console.log(`\nSeeded a week of minute buckets for ${FLOWS} flows in ${((performance.now() - bucketStart) / 1000).toFixed(0)} s`);
const passStart = performance.now();
await storeRunAccounting();
console.log(`dashboard.accounting worker pass (R16 for every flow, stored): ${((performance.now() - passStart) / 1000).toFixed(1)} s`);
await printCases("dashboard load", [
  { name: "now: last week, all flows (R16 read from the stored check)", run: () => loadDashboard({ range: "week" }) },
  { name: "now: last hour, busiest flow + its connector", run: () => loadDashboard({ range: "hour", flowId: busyFlow, connectorKey: "crm-0@api.example.com" }) },
  // What loadDashboard did before: the R16 check ran alongside the rest on every load.
  { name: "before: last week, all flows (R16 checked inline)", run: () => Promise.all([loadDashboard({ range: "week" }), checkRunAccounting()]) },
  { name: "before: the inline R16 check alone", run: () => checkRunAccounting() },
], DASHBOARD_REPEAT);

console.log("\nPlans (EXPLAIN ANALYZE of the equivalent SQL; plan nodes only):");
for (const benchCase of cases) {
  const { rows } = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS OFF, TIMING OFF) ${benchCase.explain}`, benchCase.params);
  const lines = rows.map((row) => row["QUERY PLAN"]).filter((line) => /^\s*(->\s*)?[A-Za-z ]*(Scan|Sort|Aggregate|Limit)\b(?! Key| Method)/.test(line));
  console.log(`- ${benchCase.name}\n    ${lines.map((line) => line.trim().replace(/\s+\(.*$/, "").replace(/^->\s*/, "")).join(" → ")} ${rows.at(-1)?.["QUERY PLAN"].trim()}`);
}

await sql.end();
await db.$disconnect();
await bench.close();
process.exit(0);
