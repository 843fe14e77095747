// `npm run bench:intake`: signed webhooks over real HTTP into the intake
// route (verify HMAC → store event + run + job in one transaction → 202),
// against a real PostgreSQL. No worker runs. Prints figures; nothing here
// asserts on time. BENCH_EVENTS, BENCH_CONCURRENCY, BENCH_DATABASE_URL,
// BENCH_PG_PORT (embedded server) tune it.
import { createHmac, randomBytes } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Agent, request } from "undici";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WARMUP = Math.min(100, EVENTS);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54351);
const SIGNATURE_HEADER = "x-signature";
const SECRET = randomBytes(24).toString("base64url");

// Set before lib/env.mjs first loads (the lib imports below are dynamic).
process.env.FLOWGATE_MASTER_KEYS ??= `bench:${randomBytes(32).toString("base64")}`;
process.env.LOG_LEVEL = "error";
process.env.NEXT_TELEMETRY_DISABLED = "1";
// The default backlog caps (R5) would turn a long run into 429s: this measures intake, not backpressure.
process.env.INTAKE_MAX_BACKLOG ??= String(Math.max(50_000, EVENTS * 2));
process.env.INTAKE_MAX_FLOW_BACKLOG ??= String(Math.max(10_000, EVENTS * 2));

const { startEmbeddedPostgres } = await import("@/scripts/support/embedded-db");
const server = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: path.resolve(".data/bench-intake-pg"), port: PG_PORT });
const { createDatabase, dropDatabase, withDatabase } = await import("@/tests/support/database-admin");
const serverUrl = process.env.BENCH_DATABASE_URL ?? server!.urlFor("postgres");
const dbName = `fg_bench_intake_${Date.now()}`;
await createDatabase(serverUrl, dbName);
process.env.DATABASE_URL = withDatabase(serverUrl, dbName);

const { migrateDeploy } = await import("@/scripts/support/migrate-engine");
await migrateDeploy({ databaseUrl: process.env.DATABASE_URL });
const { db } = await import("@/lib/db");
const { getBoss } = await import("@/lib/queue/boss");
const { createCredential } = await import("@/lib/credentials/create-credential");
const { createCredentialSchema } = await import("@/lib/credentials/schema");
const { buildDemoFlowDefinition } = await import("@/lib/flows/demo-flow");
const { actingAs, createPublishedFlow, createUserWithToken } = await import("@/tests/support/fixtures");
const { POST } = await import("@/app/api/hooks/[hookKey]/route");
const { serveHookRoute } = await import("@/scripts/support/serve-hook-route");

// The signing secret lives in the vault, sealed like any credential, so every request pays the real lookup.
const { user } = await createUserWithToken("admin");
const credential = createCredentialSchema.parse({ name: "bench-hook-secret", environment: "production", type: "webhook-signing", fields: { secret: SECRET } });
await createCredential({ actor: actingAs(user), ...credential });
const demo = buildDemoFlowDefinition("http://127.0.0.1:9/crm/leads");
const definition = {
  ...demo,
  nodes: demo.nodes.map((node) =>
    node.kind === "webhook-trigger" ? { ...node, config: { ...node.config, signature: { scheme: "hmac-sha256" as const, credentialRef: "bench-hook-secret", header: SIGNATURE_HEADER } } } : node,
  ),
};
const { flow } = await createPublishedFlow(definition, "bench-intake");
await getBoss();

const hooks = await serveHookRoute(POST);
const hookUrl = `${hooks.url}/api/hooks/${flow.hookKey}`;
const agent = new Agent({ connections: CONCURRENCY, pipelining: 1 });

type Result = { status: number; ms: number };

async function sendEvent(i: number): Promise<Result> {
  const body = JSON.stringify({ id: `bench-${i}`, order: { id: `O-${i}`, total: "10.5" }, customer: { name: "A", email: "a@b.c", phone: "+77011234567" } });
  const signature = createHmac("sha256", SECRET).update(body).digest("hex");
  const started = performance.now();
  const response = await request(hookUrl, { method: "POST", dispatcher: agent, body, headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signature } });
  await response.body.text();
  return { status: response.statusCode, ms: performance.now() - started };
}

async function fire(from: number, to: number): Promise<Result[]> {
  const results: Result[] = [];
  let next = from;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < to; i = next++) results.push(await sendEvent(i));
    }),
  );
  return results;
}

// Warm-up (connections, JIT, the credential path) is sent and stored but not timed.
const warm = await fire(0, WARMUP);
const started = performance.now();
const results = await fire(WARMUP, WARMUP + EVENTS);
const seconds = (performance.now() - started) / 1000;

const accepted = results.filter((r) => r.status >= 200 && r.status < 300);
const refused = results.filter((r) => r.status < 200 || r.status >= 300);
const statusCounts = new Map<number, number>();
for (const { status } of refused) statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
const byStatus = [...statusCounts].map(([status, count]) => `${status}×${count}`);
const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
const pct = (p: number) => (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(1);
const warmAccepted = warm.filter((r) => r.status >= 200 && r.status < 300).length;
const stored = await db.event.count({ where: { flowId: flow.id } });
const expected = warmAccepted + accepted.length;

console.log(`\nFlowgate intake benchmark — ${EVENTS} signed webhooks (hmac-sha256) over HTTP, concurrency ${CONCURRENCY}, ${WARMUP} warm-up not timed`);
console.log(`accepted:            ${(accepted.length / seconds).toFixed(0)} requests/s (${accepted.length} in ${seconds.toFixed(2)} s)`);
console.log(`ack latency:         p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms`);
console.log(`non-2xx:             ${refused.length}${byStatus.length ? ` (${byStatus.join(", ")})` : ""}`);
console.log(`stored events:       ${stored} = accepted ${expected} (incl. warm-up): ${stored === expected ? "OK" : "MISMATCH"}`);

await agent.close();
await hooks.close();
await (await getBoss()).stop({ graceful: false });
await db.$disconnect();
await dropDatabase(serverUrl, dbName);
await server?.stop();
// A mismatch means an ack without a stored event (or the reverse): that is a correctness failure, not a slow run.
process.exit(stored === expected ? 0 : 1);
