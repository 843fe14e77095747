import { spawn } from "node:child_process";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import { startWorker } from "@/worker/start-worker";
import { startFakeProvider, type FakeProvider } from "@/tests/support/fake-provider";
import { createPublishedFlow, waitFor } from "@/tests/support/fixtures";

let crm: FakeProvider;
let hookKey: string;

beforeAll(async () => {
  crm = await startFakeProvider();
  hookKey = (await createPublishedFlow(buildDemoFlowDefinition(`${crm.url}/crm/leads`), "Resilience")).flow.hookKey;
});

afterAll(async () => {
  await crm.close();
  await db.$disconnect();
});

beforeEach(() => crm.reset());

let sequence = 0;
function deliver() {
  sequence += 1;
  const body = { id: `res-${sequence}`, order: { id: `ORD-R${sequence}`, total: "3" }, customer: { name: "A", email: "a@b.c", phone: "+77011234567" } };
  return receiveWebhook({ hookKey, headers: new Headers({ "content-type": "application/json" }), rawBody: Buffer.from(JSON.stringify(body)) });
}

const runStatus = async (runId: string) => (await db.run.findUniqueOrThrow({ where: { id: runId } })).status;

describe("the worker in the real world (R15)", () => {
  it("keeps working after every one of its database connections is killed", async () => {
    const boss: PgBoss = await startWorker({ databaseUrl: env.DATABASE_URL!, concurrency: 2, pollingIntervalSeconds: 0.5 });
    try {
      const first = await deliver();
      await waitFor(async () => (await runStatus(first.runId)) === "succeeded", { what: "the first run" });

      // As a database restart or a failover does: every session of this database ends at once.
      const killed = await db.$queryRaw<Array<{ killed: boolean }>>`
        SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`;
      expect(killed.length).toBeGreaterThan(0);
      await db.$executeRaw`SELECT pg_terminate_backend(pg_backend_pid())`.catch(() => undefined);

      // Intake and the worker both come back without a restart; the process did not exit.
      const second = await waitFor(() => deliver().catch(() => undefined), { what: "intake to accept again" });
      await waitFor(async () => (await runStatus(second.runId)) === "succeeded", { what: "the run after the kill", timeoutMs: 30_000 });
      expect(crm.records.size).toBe(2);
    } finally {
      await boss.stop({ graceful: false });
    }
  });

  it("drains on SIGTERM: the call in flight completes and is recorded, then the process exits 0", async () => {
    const { runId } = await deliver();
    crm.injectFaults({ type: "delay", ms: 1_500 });
    const child = spawn(process.execPath, ["--import", "tsx", "worker/index.ts"], {
      env: { ...process.env, DATABASE_URL: env.DATABASE_URL, WORKER_CONCURRENCY: "1", LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    // SIGTERM while the provider is still holding the call open.
    await waitFor(async () => crm.requests.length > 0, { what: "the worker's call to arrive", timeoutMs: 30_000 });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/fatal/i);

    const run = await db.run.findUniqueOrThrow({ where: { id: runId }, include: { steps: { include: { attempts: true } } } });
    expect(run.status).toBe("succeeded");
    const call = run.steps.find((step) => step.kind === "http-request")!;
    expect(call.attempts).toHaveLength(1);
    expect(crm.records.size).toBe(1);
  });
});
