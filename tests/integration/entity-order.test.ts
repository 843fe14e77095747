import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import type { FlowDefinitionInput } from "@/lib/flows/schema";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { storeEvent } from "@/lib/intake/store-event";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import { startWorker } from "@/worker/start-worker";
import { startFakeProvider, type FakeProvider } from "@/tests/support/fake-provider";
import { createPublishedFlow, waitFor } from "@/tests/support/fixtures";

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

/**
 * The demo flow, entity = order id, with the order's version read from the
 * body. Every event of one order shares the engine's idempotency key (R6),
 * so the key travels in a header the fake does not replay by: each event's
 * call is then visible as its own request and record.
 */
function orderFlow(): FlowDefinitionInput {
  const demo = buildDemoFlowDefinition(`${crm.url}/crm/leads`);
  return {
    ...demo,
    nodes: demo.nodes.map((node) => {
      if (node.kind === "webhook-trigger") return { ...node, config: { ...node.config, entityVersionPath: "order.version" } };
      if (node.kind === "http-request") {
        return { ...node, config: { ...node.config, idempotencyHeader: "X-Flowgate-Key", retry: { ...node.config.retry, baseDelayMs: 50, maxDelayMs: 100 } } };
      }
      return node;
    }),
  };
}

let sequence = 0;
/** One change of an order; `label` travels as the contact name, so the provider's requests show whose call it was. */
async function deliver(hookKey: string, orderId: string, label: string, version?: number) {
  sequence += 1;
  const body = { id: `order-evt-${sequence}`, order: { id: orderId, total: "3", version }, customer: { name: label, email: "a@b.c", phone: "+77011234567" } };
  return receiveWebhook({ hookKey, headers: new Headers({ "content-type": "application/json" }), rawBody: Buffer.from(JSON.stringify(body)) });
}

function waitForRun(runId: string, statuses: RunStatus[]) {
  return waitFor(
    async () => {
      const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
      return statuses.includes(run.status) ? run : undefined;
    },
    { what: `run ${runId} to reach ${statuses.join("/")}` },
  );
}

/** Whose calls reached the provider, in the order it received them. */
const callers = () => crm.requests.map((request) => (request.body as { contact: { name: string } }).contact.name);

describe("order per entity (R12)", () => {
  it("applies an entity's events one at a time in arrival order while the first waits for a retry", async () => {
    const { flow } = await createPublishedFlow(orderFlow(), "Entity order");
    crm.injectFaults({ type: "status", status: 503 });
    const first = await deliver(flow.hookKey, "ORD-E1", "first");
    await waitFor(async () => (await db.stepRun.findFirst({ where: { runId: first.runId, kind: "http-request", status: "waiting_retry" } })) ?? undefined, {
      what: "the first event's call to wait for its retry",
    });
    const second = await deliver(flow.hookKey, "ORD-E1", "second");
    const third = await deliver(flow.hookKey, "ORD-E1", "third");
    // Another entity is not held up by this one.
    const other = await deliver(flow.hookKey, "ORD-E2", "other");

    for (const { runId } of [first, second, third, other]) await waitForRun(runId, ["succeeded"]);
    expect(callers().filter((name) => name !== "other")).toEqual(["first", "first", "second", "third"]);
    // Each run had finished before the provider saw the next one's call.
    const finished = async (runId: string) => (await db.run.findUniqueOrThrow({ where: { id: runId } })).finishedAt!.getTime();
    const firstCallOf = (name: string) => crm.requests[callers().indexOf(name)]!.receivedAt.getTime();
    expect(await finished(first.runId)).toBeLessThanOrEqual(firstCallOf("second"));
    expect(await finished(second.runId)).toBeLessThanOrEqual(firstCallOf("third"));
    // The reason they waited is gone once they ran.
    expect(await db.run.count({ where: { id: { in: [second.runId, third.runId] }, statusReason: null } })).toBe(2);
  });

  it("keeps the order of one entity's events stored in one transaction, as a poll page's are", async () => {
    const { flow, version } = await createPublishedFlow(orderFlow(), "Entity order in a page");
    const labels = ["p1", "p2", "p3", "p4", "p5"];
    const runIds = await db.$transaction(async (tx) => {
      const ids: string[] = [];
      for (const label of labels) {
        const body = { order: { id: "ORD-P1", total: "1" }, customer: { name: label, email: "a@b.c", phone: "+77011234567" } };
        const target = { flowId: flow.id, versionId: version.id, environment: "production" as const };
        const incoming = { source: `poll:${flow.id}`, dedupKey: label, businessKey: "ORD-P1", contentType: "application/json", rawBody: JSON.stringify(body), headers: {} };
        ids.push((await storeEvent(tx, target, incoming)).runId);
      }
      return ids;
    });
    for (const runId of runIds) await waitForRun(runId, ["succeeded"]);
    expect(callers()).toEqual(labels);
  });

  it("skips an event older than the version already applied as stale, without calling the target", async () => {
    const { flow } = await createPublishedFlow(orderFlow(), "Entity stale");
    const newer = await deliver(flow.hookKey, "ORD-S1", "v2", 2);
    await waitForRun(newer.runId, ["succeeded"]);
    expect(await db.entityVersion.findUniqueOrThrow({ where: { flowId_entityKey: { flowId: flow.id, entityKey: "ORD-S1" } } })).toMatchObject({
      version: "2",
      runId: newer.runId,
    });

    const older = await deliver(flow.hookKey, "ORD-S1", "v1", 1);
    const stale = await waitForRun(older.runId, ["skipped_stale", "succeeded", "failed"]);
    expect(stale).toMatchObject({ status: "skipped_stale", statusReason: "stale: version 1 < applied 2" });
    expect(await db.stepRun.count({ where: { runId: older.runId } })).toBe(0);

    // Numerically newer (10 > 2, although "10" < "2" as text) is applied.
    const newest = await deliver(flow.hookKey, "ORD-S1", "v10", 10);
    await waitForRun(newest.runId, ["succeeded"]);
    expect(callers()).toEqual(["v2", "v10"]);
    expect((await db.entityVersion.findUniqueOrThrow({ where: { flowId_entityKey: { flowId: flow.id, entityKey: "ORD-S1" } } })).version).toBe("10");
  });

  it("finds an event stale once the newer event it waited behind is applied", async () => {
    const { flow } = await createPublishedFlow(orderFlow(), "Entity stale after wait");
    crm.injectFaults({ type: "status", status: 503 });
    const newer = await deliver(flow.hookKey, "ORD-S2", "v5", 5);
    const older = await deliver(flow.hookKey, "ORD-S2", "v4", 4);
    await waitForRun(newer.runId, ["succeeded"]);
    expect(await waitForRun(older.runId, ["skipped_stale", "succeeded", "failed"])).toMatchObject({ status: "skipped_stale", statusReason: "stale: version 4 < applied 5" });
    expect(callers()).toEqual(["v5", "v5"]);
  });

  it("does not hold an entity's later events behind a run that failed", async () => {
    const { flow } = await createPublishedFlow(orderFlow(), "Entity after failure");
    crm.injectFaults({ type: "status", status: 400 });
    const failed = await deliver(flow.hookKey, "ORD-F1", "bad");
    await waitForRun(failed.runId, ["failed"]);
    const next = await deliver(flow.hookKey, "ORD-F1", "good");
    await waitForRun(next.runId, ["succeeded"]);
    expect(callers()).toEqual(["bad", "good"]);
  });
});
