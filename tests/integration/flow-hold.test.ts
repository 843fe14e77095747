import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { cancelRun } from "@/lib/runs/cancel-run";
import { releaseHeldRuns } from "@/lib/flows/release-held-runs";
import { setFlowStatus } from "@/lib/flows/set-flow-status";
import { POST as hookRoute } from "@/app/api/hooks/[hookKey]/route";
import { POST as statusRoute } from "@/app/api/v1/flows/[flowId]/status/route";
import { startWorker } from "@/worker/start-worker";
import { startFakeProvider, type FakeProvider } from "@/tests/support/fake-provider";
import { actingAs, countRunJobs, createPublishedFlow, createUserWithToken, jsonRequest, waitFor } from "@/tests/support/fixtures";
import { deliverOrder, fastDemoFlow } from "@/tests/support/operator-flows";

let crm: FakeProvider;
let boss: PgBoss;
let operator: Awaited<ReturnType<typeof createUserWithToken>>;

beforeAll(async () => {
  crm = await startFakeProvider();
  operator = await createUserWithToken("operator");
  boss = await startWorker({ databaseUrl: env.DATABASE_URL!, concurrency: 4, pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await boss.stop({ graceful: false });
  await crm.close();
  await db.$disconnect();
});

function setStatus(flowId: string, body: unknown) {
  return statusRoute(jsonRequest(`http://localhost/api/v1/flows/${flowId}/status`, body, { headers: { authorization: `Bearer ${operator.token}` } }), {
    params: Promise.resolve({ flowId }),
  });
}

function postOrder(hookKey: string, id: string) {
  const body = { id, order: { id: `ORD-${id}`, total: "5" }, customer: { name: "Ann", email: "ann@example.com", phone: "+77011234567" } };
  return hookRoute(jsonRequest(`http://localhost/api/hooks/${hookKey}`, body), { params: Promise.resolve({ hookKey }) });
}

function waitForFinal(runIds: string[]) {
  return waitFor(
    async () => {
      const runs = await db.run.findMany({ where: { id: { in: runIds } }, select: { id: true, status: true } });
      return runs.every((run) => ["succeeded", "failed", "cancelled"].includes(run.status)) ? runs : undefined;
    },
    { what: `${runIds.length} runs to finish`, timeoutMs: 60_000 },
  );
}

const leadsFor = (ids: string[]) => crm.requests.filter((request) => request.path === "/crm/leads" && ids.some((id) => JSON.stringify(request.body).includes(`ORD-${id}`)));

describe("a paused flow in hold mode", () => {
  it("stores events without starting them, answers 202 held, and runs them on resume; a cancelled held run stays cancelled", async () => {
    const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), "Hold on pause");
    const paused = await setStatus(flow.id, { status: "paused", whilePaused: "hold" });
    expect(paused.status).toBe(200);
    expect(((await paused.json()) as { flow: { whilePaused: string } }).flow.whilePaused).toBe("hold");

    const answers = [];
    for (const id of ["h-1", "h-2", "h-3"]) {
      const response = await postOrder(flow.hookKey, id);
      expect(response.status).toBe(202);
      answers.push((await response.json()) as { runId: string; held: boolean; duplicate: boolean });
    }
    expect(answers.map((answer) => answer.held)).toEqual([true, true, true]);
    // A redelivery finds the held run and says so.
    const again = await postOrder(flow.hookKey, "h-2");
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ runId: answers[1]!.runId, duplicate: true, held: true });

    const runIds = answers.map((answer) => answer.runId);
    for (const runId of runIds) expect(await countRunJobs(runId)).toBe(0);
    expect(await db.heldRun.count({ where: { flowId: flow.id } })).toBe(3);
    expect(await db.run.count({ where: { id: { in: runIds }, status: "queued" } })).toBe(3);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "flow.pause", targetId: flow.id } });
    expect(audit.details).toMatchObject({ whilePaused: "hold" });

    await cancelRun({ runId: runIds[1]!, actor: actingAs(operator.user) });
    expect((await setStatus(flow.id, { status: "active" })).status).toBe(200);

    const finished = await waitForFinal(runIds);
    expect(Object.fromEntries(finished.map((run) => [run.id, run.status]))).toEqual({ [runIds[0]!]: "succeeded", [runIds[1]!]: "cancelled", [runIds[2]!]: "succeeded" });
    expect(await db.heldRun.count({ where: { flowId: flow.id } })).toBe(0);
    expect(await countRunJobs(runIds[1]!)).toBe(0);
    // The worker runs released runs concurrently, so the calls' order is not asserted; h-2 was cancelled and sent nothing.
    const leads = leadsFor(["h-1", "h-2", "h-3"]);
    expect(leads.map((lead) => JSON.stringify(lead.body).match(/ORD-(h-\d)/)?.[1]).sort()).toEqual(["h-1", "h-3"]);
  });

  it("keeps refusing with 409 in reject mode, and a second pause can switch the mode (audited once per change)", async () => {
    const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), "Reject on pause");
    expect((await setStatus(flow.id, { status: "paused", whilePaused: "reject" })).status).toBe(200);
    expect((await postOrder(flow.hookKey, "r-1")).status).toBe(409);
    expect(await db.event.count({ where: { flowId: flow.id } })).toBe(0);

    expect((await setStatus(flow.id, { status: "paused", whilePaused: "hold" })).status).toBe(200);
    expect((await setStatus(flow.id, { status: "paused", whilePaused: "hold" })).status).toBe(200);
    expect(await db.auditLog.count({ where: { action: "flow.pause", targetId: flow.id } })).toBe(2);
    expect(((await (await postOrder(flow.hookKey, "r-2")).json()) as { held: boolean }).held).toBe(true);
  });

  it("refuses a malformed mode with a readable 422 and changes nothing", async () => {
    const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), "Bad mode");
    const response = await setStatus(flow.id, { status: "paused", whilePaused: "later" });
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toMatch(/whilePaused must be \\"reject\\" or \\"hold\\"/);
    expect((await db.flow.findUniqueOrThrow({ where: { id: flow.id } })).status).toBe("active");
  });

  it("leaves held runs held when the flow is paused again before the release runs", async () => {
    const { flow, actor } = await createPublishedFlow(fastDemoFlow(crm.url), "Paused again");
    await setFlowStatus({ flowId: flow.id, status: "paused", whilePaused: "hold", actor });
    const { runId } = await deliverOrder(flow.hookKey, "again-1");
    expect(await releaseHeldRuns(flow.id)).toEqual({ released: 0, skipped: 0, stillPaused: true });
    expect(await db.heldRun.count({ where: { runId } })).toBe(1);
    expect(await countRunJobs(runId)).toBe(0);
  });

  it("strands no run when events arrive while the flow is being resumed", async () => {
    const { flow, actor } = await createPublishedFlow(fastDemoFlow(crm.url), "Resume race");
    await setFlowStatus({ flowId: flow.id, status: "paused", whilePaused: "hold", actor });
    const ids = Array.from({ length: 30 }, (_, index) => `race-${index}`);
    const deliveries = ids.map((id, index) =>
      index === 15 ? setFlowStatus({ flowId: flow.id, status: "active", actor }).then(() => deliverOrder(flow.hookKey, id)) : deliverOrder(flow.hookKey, id),
    );
    const accepted = await Promise.all(deliveries);
    const finished = await waitForFinal(accepted.map((answer) => answer.runId));
    expect(finished.filter((run) => run.status !== "succeeded")).toEqual([]);
    expect(await db.heldRun.count({ where: { flowId: flow.id } })).toBe(0);
    expect(leadsFor(ids)).toHaveLength(30);
  });
});
