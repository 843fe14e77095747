import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Short leases so the test waits seconds, not minutes; read when lib/env.mjs first loads.
  process.env.WORKER_HEARTBEAT_SECONDS = "10";
  process.env.WORKER_SUPERVISE_SECONDS = "1";
});

import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import { startWorker } from "@/worker/start-worker";
import { startFakeProvider, type FakeProvider } from "@/tests/support/fake-provider";
import { createPublishedFlow, waitFor } from "@/tests/support/fixtures";

let crm: FakeProvider;
beforeAll(async () => {
  crm = await startFakeProvider();
});
afterAll(async () => {
  await crm.close();
  await db.$disconnect();
});

describe("a run whose worker died (R14)", () => {
  it("is picked up again after the dead worker's lease lapses, never while it lives, and repeats no effect", async () => {
    const { flow } = await createPublishedFlow(buildDemoFlowDefinition(`${crm.url}/crm/leads`), "Lease");
    const body = { id: "lease-1", order: { id: "ORD-L1", total: "7" }, customer: { name: "A", email: "a@b.c", phone: "+77011234567" } };
    const { runId } = await receiveWebhook({ hookKey: flow.hookKey, headers: new Headers({ "content-type": "application/json" }), rawBody: Buffer.from(JSON.stringify(body)) });

    // The provider records the lead, then holds the answer: the worker dies with the outcome unknown.
    crm.injectFaults({ type: "delay", ms: 120_000 });
    const child = spawn(process.execPath, ["--import", "tsx", "worker/index.ts"], { env: { ...process.env, DATABASE_URL: env.DATABASE_URL, LOG_LEVEL: "silent" }, stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    await waitFor(async () => crm.requests.length === 1, { what: "the first worker's call", timeoutMs: 30_000 });
    child.kill("SIGKILL");
    await exited;

    const boss = await startWorker({ databaseUrl: env.DATABASE_URL!, concurrency: 2, pollingIntervalSeconds: 0.5 });
    try {
      // Well inside the dead worker's lease (10 s of heartbeat): nobody may start the run again yet.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      expect(crm.requests).toHaveLength(1);

      const run = await waitFor(
        async () => {
          const current = await db.run.findUniqueOrThrow({ where: { id: runId }, include: { steps: { include: { attempts: true } } } });
          return current.status === "succeeded" ? current : undefined;
        },
        { what: "the run to be resumed and finish", timeoutMs: 45_000 },
      );
      // Resumed at the unfinished step with the same key: the provider replays its answer, one lead exists.
      const call = run.steps.find((step) => step.kind === "http-request")!;
      expect(crm.requests).toHaveLength(2);
      expect(new Set(crm.requests.map((request) => request.headers["idempotency-key"]))).toEqual(new Set([call.idempotencyKey]));
      expect(crm.records.size).toBe(1);
      expect(run.steps.filter((step) => step.kind === "map-fields")).toHaveLength(1);
    } finally {
      await boss.stop({ graceful: false });
    }
  }, 120_000);
});
