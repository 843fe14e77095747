import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Read by lib/env.mjs when it first loads: set before the dynamic imports below.
const METRICS_TOKEN = "metrics-scrape-token-0123456789abcdef";
process.env.METRICS_TOKEN = METRICS_TOKEN;

const { db } = await import("@/lib/db");
const { GET: metricsRoute } = await import("@/app/api/metrics/route");
const { buildDemoFlowDefinition } = await import("@/lib/flows/demo-flow");
const { createPublishedFlow, createUserWithToken } = await import("@/tests/support/fixtures");
const { seedRun } = await import("@/tests/support/seed-runs");

const scrape = (headers: Record<string, string> = { authorization: `Bearer ${METRICS_TOKEN}` }) => metricsRoute(new Request("http://localhost/api/metrics", { headers }), undefined);

/** The value of one series in Prometheus text, by name and exact labels. */
function valueOf(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split("\n")) {
    const match = line.match(/^([a-z_]+)(?:\{(.*)\})? (\S+)$/);
    if (!match || match[1] !== name) continue;
    const present = match[2] ? match[2].split(/,(?=[a-z_]+=")/) : [];
    if (present.length === wanted.length && wanted.every((label) => present.includes(label))) return Number(match[3]);
  }
  return undefined;
}

let flowId: string;

beforeAll(async () => {
  const { flow, version } = await createPublishedFlow(buildDemoFlowDefinition("http://127.0.0.1:9/m"), "Metrics flow");
  flowId = flow.id;
  const base = { flowId, flowVersionId: version.id };
  await seedRun({ ...base, status: "succeeded" });
  await seedRun({ ...base, status: "succeeded" });
  await seedRun({ ...base, status: "failed", failureClass: "permanent" });
  await seedRun({ ...base, status: "queued", createdAt: new Date(Date.now() - 120_000) });
  const held = await seedRun({ ...base, status: "queued" });
  await db.heldRun.create({ data: { runId: held.runId, flowId } });
  const waiting = await seedRun({ ...base, status: "waiting_retry" });
  await db.stepRun.updateMany({ where: { runId: waiting.runId }, data: { status: "waiting_retry", waitReason: "retry_after" } });
  const step = await db.stepRun.findFirstOrThrow({ where: { runId: waiting.runId } });
  const durations = [40, 80, 120, 300, 2000];
  await db.stepAttempt.createMany({
    data: durations.map((durationMs, index) => ({ stepRunId: step.id, number: index + 1, status: index === 4 ? "failed" : "succeeded", errorClass: index === 4 ? "temporary" : null, connectorKey: "crm@api.example.com", durationMs })),
  });
  await db.connector.create({ data: { key: "crm@api.example.com", host: "api.example.com", breakerStatus: "open", breakerOpenedAt: new Date(), retryAfterUntil: new Date(Date.now() + 60_000) } });
  await db.connectorPermit.create({ data: { connectorKey: "crm@api.example.com", expiresAt: new Date(Date.now() + 60_000) } });
  const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  await db.intakeRejection.create({ data: { flowId, minute, reason: "bad_signature", count: 7, lastAt: new Date() } });
});

afterAll(() => db.$disconnect());

describe("GET /api/metrics", () => {
  it("refuses a scrape without the metrics token or a queue.read principal", async () => {
    expect((await scrape({})).status).toBe(401);
    expect((await scrape({ authorization: "Bearer wrong-token" })).status).toBe(401);
    const viewer = await createUserWithToken("viewer");
    expect((await scrape({ authorization: `Bearer ${viewer.token}` })).status).toBe(200);
  });

  it("reports runs, queue age, waits, attempts, latency, breaker and intake refusals from the database", async () => {
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(valueOf(text, "flowgate_runs", { flow: flowId, status: "succeeded" })).toBe(2);
    expect(valueOf(text, "flowgate_runs", { flow: flowId, status: "failed" })).toBe(1);
    expect(valueOf(text, "flowgate_runs", { flow: flowId, status: "queued" })).toBe(2);
    expect(valueOf(text, "flowgate_runs_held", { flow: flowId })).toBe(1);
    expect(valueOf(text, "flowgate_flow_info", { flow: flowId, name: "Metrics flow" })).toBe(1);
    expect(valueOf(text, "flowgate_oldest_pending_run_age_seconds")).toBeGreaterThanOrEqual(120);
    expect(valueOf(text, "flowgate_steps_waiting", { reason: "retry_after" })).toBe(1);
    expect(valueOf(text, "flowgate_step_attempts_recent", { class: "none" })).toBe(4);
    expect(valueOf(text, "flowgate_step_attempts_recent", { class: "temporary" })).toBe(1);
    const connector = { connector: "crm@api.example.com" };
    expect(valueOf(text, "flowgate_call_duration_seconds_count", connector)).toBe(5);
    expect(valueOf(text, "flowgate_call_duration_seconds_bucket", { ...connector, le: "0.1" })).toBe(2);
    expect(valueOf(text, "flowgate_call_duration_seconds_bucket", { ...connector, le: "+Inf" })).toBe(5);
    expect(valueOf(text, "flowgate_call_duration_seconds", { ...connector, quantile: "0.5" })).toBeCloseTo(0.12);
    expect(valueOf(text, "flowgate_connector_breaker_state", { ...connector, state: "open" })).toBe(1);
    expect(valueOf(text, "flowgate_connector_breaker_state", { ...connector, state: "closed" })).toBe(0);
    expect(valueOf(text, "flowgate_connector_in_flight", connector)).toBe(1);
    expect(valueOf(text, "flowgate_connector_retry_after_seconds", connector)).toBeGreaterThan(50);
    expect(valueOf(text, "flowgate_intake_rejections_last_hour", { reason: "bad_signature" })).toBe(7);
    expect(valueOf(text, "flowgate_queue_jobs", { queue: "run.execute", state: "ready" })).toBeGreaterThanOrEqual(0);
  });
});
