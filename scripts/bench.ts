// `npm run bench`: intake and end-to-end execution throughput on this
// machine, against a real PostgreSQL and pg-boss and a local fake CRM.
// Prints figures; nothing here asserts on time.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startFakeProvider } from "@/tests/support/fake-provider";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PORT = 54349;

const { startEmbeddedPostgres } = await import("@/scripts/support/embedded-db");
const server = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: path.resolve(".data/bench-pg"), port: PORT });
const { createDatabase, dropDatabase, withDatabase } = await import("@/tests/support/database-admin");
const serverUrl = process.env.BENCH_DATABASE_URL ?? server!.urlFor("postgres");
const dbName = `fg_bench_${Date.now()}`;
await createDatabase(serverUrl, dbName);
process.env.DATABASE_URL = withDatabase(serverUrl, dbName);
process.env.LOG_LEVEL = "error";

const { migrateDeploy } = await import("@/scripts/support/migrate-engine");
await migrateDeploy({ databaseUrl: process.env.DATABASE_URL });
const { db } = await import("@/lib/db");
const { buildDemoFlowDefinition } = await import("@/lib/flows/demo-flow");
const { receiveWebhook } = await import("@/lib/webhooks/receive-webhook");
const { startWorker } = await import("@/worker/start-worker");
const { getBoss } = await import("@/lib/queue/boss");

const crm = await startFakeProvider();
// The bench measures our throughput, not the default per-connector limits (10 in flight, 10/s; R11).
const { configureConnector } = await import("@/lib/connector-limits/configure-connector");
await configureConnector({ key: new URL(crm.url).host, settings: { maxInFlight: 10_000, maxPerSecond: 10_000 } });
const definition = buildDemoFlowDefinition(`${crm.url}/crm/leads`);
const flow = await db.flow.create({ data: { name: "bench", hookKey: "bench", draft: definition } });
const version = await db.flowVersion.create({ data: { flowId: flow.id, number: 1, definition } });
await db.flow.update({ where: { id: flow.id }, data: { publishedVersionId: version.id } });
await getBoss();

const body = (i: number) => Buffer.from(JSON.stringify({ id: `e-${i}`, order: { id: `O-${i}`, total: "10.5" }, customer: { name: "A", email: "a@b.c", phone: "+77011234567" } }));
const headers = new Headers({ "content-type": "application/json" });

let next = 0;
const intakeStart = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let i = next++; i < EVENTS; i = next++) await receiveWebhook({ hookKey: "bench", headers, rawBody: body(i) });
  }),
);
const intakeSeconds = (performance.now() - intakeStart) / 1000;
await (await getBoss()).stop({ graceful: false });

const workerStart = performance.now();
const boss = await startWorker({ databaseUrl: process.env.DATABASE_URL, concurrency: CONCURRENCY, pollingIntervalSeconds: 0.5 });
for (;;) {
  const done = await db.run.count({ where: { status: { in: ["succeeded", "failed"] } } });
  if (done >= EVENTS) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const workerSeconds = (performance.now() - workerStart) / 1000;
const failed = await db.run.count({ where: { status: "failed" } });

const runs = await db.run.findMany({ select: { startedAt: true, finishedAt: true } });
const durations = runs.map((r) => r.finishedAt!.getTime() - r.startedAt!.getTime()).sort((a, b) => a - b);
const pct = (p: number) => durations[Math.min(durations.length - 1, Math.floor((p / 100) * durations.length))];

console.log(`\nFlowgate benchmark — ${EVENTS} events, concurrency ${CONCURRENCY}`);
console.log(`intake (store event + run + job in one tx):  ${(EVENTS / intakeSeconds).toFixed(0)} events/s`);
console.log(`execution (3 steps incl. one HTTP call):     ${(EVENTS / workerSeconds).toFixed(0)} runs/s, ${failed} failed`);
console.log(`step time per run (started → finished):      p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms`);
console.log(`target calls: ${crm.requests.length}, records created: ${crm.records.size}`);

await boss.stop({ graceful: false });
await crm.close();
await db.$disconnect();
await dropDatabase(serverUrl, dbName);
await server?.stop();
process.exit(0);
