import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { publishVersion } from "@/lib/flows/publish-version";
import { updateDraft } from "@/lib/flows/update-draft";
import type { FlowDefinitionInput } from "@/lib/flows/schema";
import { advanceRun } from "@/lib/runs/advance-run";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import { startWorker } from "@/worker/start-worker";
import { startFakeProvider, type FakeProvider } from "@/tests/support/fake-provider";
import { countRunJobs, createPublishedFlow, waitFor } from "@/tests/support/fixtures";

let crm: FakeProvider;
let boss: PgBoss;

beforeAll(async () => {
  crm = await startFakeProvider();
  boss = await startWorker({ databaseUrl: env.DATABASE_URL!, concurrency: 4, pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await boss.stop({ graceful: false });
  await crm.close();
  await db.$disconnect();
});

beforeEach(() => crm.reset());

/** The demo flow with a fast retry policy, so retry tests wait ~1 s, not minutes. */
function flowDefinition(overrides: { headers?: Record<string, string>; maxAttempts?: number } = {}): FlowDefinitionInput {
  const definition = buildDemoFlowDefinition(`${crm.url}/crm/leads`);
  return {
    ...definition,
    nodes: definition.nodes.map((node) =>
      node.kind === "http-request"
        ? { ...node, config: { ...node.config, headers: { ...node.config.headers, ...overrides.headers }, retry: { ...node.config.retry, baseDelayMs: 100, maxDelayMs: 200, maxAttempts: overrides.maxAttempts ?? 5 } } }
        : node,
    ),
  };
}

let sequence = 0;
async function deliver(hookKey: string) {
  sequence += 1;
  const body = { id: `evt-${sequence}`, order: { id: `ORD-${sequence}`, total: "99.50" }, customer: { name: " Ann Lee ", email: "ANN@EXAMPLE.COM", phone: "8 701 123 45 67" } };
  return receiveWebhook({ hookKey, headers: new Headers({ "content-type": "application/json" }), rawBody: Buffer.from(JSON.stringify(body)) });
}

function waitForRun(runId: string, statuses: string[] = ["succeeded", "failed"]) {
  return waitFor(
    async () => {
      const run = await db.run.findUniqueOrThrow({ where: { id: runId }, include: { steps: { include: { attempts: true }, orderBy: { position: "asc" } } } });
      return statuses.includes(run.status) ? run : undefined;
    },
    { what: `run ${runId} to reach ${statuses.join("/")}` },
  );
}

describe("the worker", () => {
  it("executes the published version and calls the target once with a stable Idempotency-Key", async () => {
    const { flow, version } = await createPublishedFlow(flowDefinition(), "Worker flow");
    const { runId } = await deliver(flow.hookKey);
    const run = await waitForRun(runId);

    expect(run.status).toBe("succeeded");
    expect(run.flowVersionId).toBe(version.id);
    expect(run.steps.map((s) => [s.kind, s.status])).toEqual([
      ["webhook-trigger", "succeeded"],
      ["map-fields", "succeeded"],
      ["http-request", "succeeded"],
    ]);
    const httpStep = run.steps[2]!;
    expect(crm.requests).toHaveLength(1);
    expect(crm.requests[0]!.headers["idempotency-key"]).toBe(httpStep.idempotencyKey);
    expect(crm.records.size).toBe(1);
    expect(httpStep.attempts).toHaveLength(1);
    expect(httpStep.output).toMatchObject({ id: expect.stringMatching(/^lead_/) });
    // The mapped fields reached the target.
    expect(crm.requests[0]!.body).toMatchObject({ externalId: `ORD-${sequence}`, amount: 99.5, contact: { phone: "+77011234567", email: "ann@example.com", name: "Ann Lee" } });
  });

  it("runs the version that was published when the event arrived", async () => {
    const { flow, actor } = await createPublishedFlow(flowDefinition(), "Versioned flow");
    const first = await deliver(flow.hookKey);
    await waitForRun(first.runId);
    await updateDraft({ flowId: flow.id, actor, input: { definition: flowDefinition() } });
    const v2 = await publishVersion({ flowId: flow.id, actor, message: "v2", environment: "production" });
    const second = await deliver(flow.hookKey);
    const [run1, run2] = await Promise.all([waitForRun(first.runId), waitForRun(second.runId)]);
    expect((await db.flowVersion.findUniqueOrThrow({ where: { id: run1.flowVersionId } })).number).toBe(1);
    expect(run2.flowVersionId).toBe(v2.id);
  });

  it("does not call the target again when a finished run's job is delivered again", async () => {
    const { flow } = await createPublishedFlow(flowDefinition(), "Redelivery flow");
    const { runId } = await deliver(flow.hookKey);
    await waitForRun(runId);
    expect(crm.requests).toHaveLength(1);

    await advanceRun({ runId });
    await boss.send("run.execute", { runId }, { singletonKey: runId });
    await waitFor(async () => (await countRunJobs(runId, "completed")) === 2, { what: "the redelivered job to complete" });
    expect(crm.requests).toHaveLength(1);
  });

  it("re-executes a step whose call succeeded before the crash with the same key, and the target creates nothing new", async () => {
    const { flow } = await createPublishedFlow(flowDefinition(), "Crash flow");
    const { runId } = await deliver(flow.hookKey);
    const done = await waitForRun(runId);
    const httpStep = done.steps[2]!;

    // Simulate a worker that died after the call but before its checkpoint was written.
    await db.stepRun.update({ where: { id: httpStep.id }, data: { status: "running", output: undefined, finishedAt: null } });
    await db.run.update({ where: { id: runId }, data: { status: "running", finishedAt: null } });
    await advanceRun({ runId });

    const again = await waitForRun(runId);
    expect(again.status).toBe("succeeded");
    expect(crm.requests).toHaveLength(2);
    expect(crm.requests[1]!.headers["idempotency-key"]).toBe(crm.requests[0]!.headers["idempotency-key"]);
    expect(crm.records.size).toBe(1);
    expect(again.steps[2]!.output).toEqual(httpStep.output);
  });

  it("retries a connection reset after the effect with the same key and ends with one record", async () => {
    const { flow } = await createPublishedFlow(flowDefinition(), "Reset flow");
    crm.injectFaults({ type: "reset-after-effect" });
    const { runId } = await deliver(flow.hookKey);
    const run = await waitForRun(runId);

    expect(run.status).toBe("succeeded");
    const attempts = run.steps[2]!.attempts.sort((a, b) => a.number - b.number);
    expect(attempts.map((a) => [a.status, a.errorClass])).toEqual([
      ["failed", "ambiguous"],
      ["succeeded", null],
    ]);
    expect(crm.requests).toHaveLength(2);
    expect(new Set(crm.requests.map((r) => r.headers["idempotency-key"])).size).toBe(1);
    expect(crm.records.size).toBe(1);
  });

  it("retries a 503 and fails a 400 at once, recording each attempt's class", async () => {
    const { flow } = await createPublishedFlow(flowDefinition(), "Status flow");
    crm.injectFaults({ type: "status", status: 503 });
    const retried = await waitForRun((await deliver(flow.hookKey)).runId);
    expect(retried.status).toBe("succeeded");
    expect(retried.steps[2]!.attempts.map((a) => a.errorClass).sort()).toEqual(["temporary", null].sort());

    crm.injectFaults({ type: "status", status: 400, body: { error: "bad phone" } });
    const failed = await waitForRun((await deliver(flow.hookKey)).runId);
    expect(failed.status).toBe("failed");
    expect(failed.steps[2]!.status).toBe("failed");
    expect(failed.steps[2]!.errorClass).toBe("permanent");
    expect(failed.steps[2]!.attempts).toHaveLength(1);
    expect(failed.error).toMatchObject({ nodeId: "send", class: "permanent" });
  });

  it("gives up after the step's max attempts and leaves a visible failure", async () => {
    const { flow } = await createPublishedFlow(flowDefinition({ maxAttempts: 2 }), "Exhausted flow");
    crm.injectFaults({ type: "status", status: 503 }, { type: "status", status: 503 }, { type: "status", status: 503 });
    const run = await waitForRun((await deliver(flow.hookKey)).runId);
    expect(run.status).toBe("failed");
    expect(run.steps[2]!.attempts).toHaveLength(2);
    expect(crm.records.size).toBe(0);
  });

  it("masks Authorization in stored step logs", async () => {
    const canary = `canary-${Math.random().toString(36).slice(2)}`;
    const { flow } = await createPublishedFlow(flowDefinition({ headers: { Authorization: `Bearer ${canary}` } }), "Masked flow");
    const run = await waitForRun((await deliver(flow.hookKey)).runId);
    expect(crm.requests[0]!.headers.authorization).toBe(`Bearer ${canary}`);
    const stored = JSON.stringify(await db.stepAttempt.findMany({ where: { stepRun: { runId: run.id } } }));
    expect(stored).toContain("[REDACTED]");
    expect(stored).not.toContain(canary);
  });

  it("dead-letters a job whose payload does not parse instead of retrying it", async () => {
    const jobId = await boss.send("run.execute", { runId: "not-a-uuid" });
    const job = await waitFor(
      async () => {
        const rows = await db.$queryRawUnsafe<Array<{ state: string; retry_count: number }>>(
          `SELECT state::text, retry_count FROM pgboss.job WHERE name = 'run.execute' AND id = $1::uuid`,
          jobId,
        );
        return rows[0]?.state === "failed" ? rows[0] : undefined;
      },
      { what: "the malformed job to fail" },
    );
    expect(job.retry_count).toBe(0);
  });
});
