// `npm run bench:runs`: the runs list at a million runs. Seeds events, runs
// and steps with generate_series, then times the list with two filters (first
// page and a deep page via cursor), the status counts and exact searches, and
// prints each query's plan. Prints figures; nothing here asserts on time.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { seedBenchRuns } from "@/scripts/support/seed-bench-runs";

const RUNS = Number(process.env.BENCH_RUNS ?? 1_000_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 50);
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

console.log(`\n${"query".padEnd(55)} ${"p50".padStart(8)} ${"p95".padStart(8)}   (${REPEAT} runs each, through lib/runs)`);
for (const benchCase of cases) {
  await benchCase.run(); // warm-up
  const times: number[] = [];
  for (let index = 0; index < REPEAT; index += 1) {
    const start = performance.now();
    await benchCase.run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
  console.log(`${benchCase.name.padEnd(55)} ${`${pct(50)} ms`.padStart(8)} ${`${pct(95)} ms`.padStart(8)}`);
}

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
