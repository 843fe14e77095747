import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pruneIntakeRecords } from "@/lib/intake/prune-intake-records";
import { measureFlowStorage } from "@/lib/retention/measure-flow-storage";
import { purgeExpiredRunData } from "@/lib/retention/purge-expired-run-data";
import { advanceRun } from "@/lib/runs/advance-run";
import { POST as retryRoute } from "@/app/api/v1/runs/[runId]/retry/route";
import { POST as replayRoute } from "@/app/api/v1/runs/[runId]/replay/route";
import { PUT as retentionRoute } from "@/app/api/v1/flows/[flowId]/retention/route";
import type { FakeProvider } from "@/tests/support/fake-provider";
import { useFakeProvider } from "@/tests/support/use-fake-provider";
import { createPublishedFlow, createUserWithToken, jsonRequest } from "@/tests/support/fixtures";
import { deliverOrder, fastDemoFlow, settleRunJobs } from "@/tests/support/operator-flows";

let crm: FakeProvider;
useFakeProvider((started) => (crm = started));
beforeEach(() => crm.reset());

const DAY_MS = 24 * 3600 * 1000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
let sequence = 0;

/** Delivers an order and runs it to its end (a failure when `failWith` is set). */
async function finishedRun(hookKey: string, failWith?: number) {
  const { runId } = await deliverOrder(hookKey, `retention-${(sequence += 1)}`);
  if (failWith) crm.injectFaults({ type: "status", status: failWith, body: { error: "refused" } });
  await advanceRun({ runId });
  await settleRunJobs(runId);
  return runId;
}

/** Moves a run, its event and its intake dedup key `days` into the past. */
async function age(runId: string, days: number) {
  const at = daysAgo(days);
  const run = await db.run.update({ where: { id: runId }, data: { createdAt: at, finishedAt: at } });
  await db.event.update({ where: { id: run.eventId }, data: { receivedAt: at } });
  await db.intakeKey.updateMany({ where: { eventId: run.eventId }, data: { createdAt: at } });
  return run;
}

/**
 * Four finished runs of a new flow: two expired (one succeeded, one failed)
 * `oldDays` ago, one kept `keptDays` ago, and one as old as the expired ones
 * but still unfinished (`unfinishedStatus`), whose checkpoints are still needed.
 */
async function seedAgedRuns(name: string, oldDays: number, keptDays: number, unfinishedStatus: "queued" | "waiting_retry") {
  const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), name);
  const expired = [await finishedRun(flow.hookKey), await finishedRun(flow.hookKey, 422)];
  const kept = await finishedRun(flow.hookKey);
  const unfinished = await finishedRun(flow.hookKey);
  for (const runId of [...expired, unfinished]) await age(runId, oldDays);
  await age(kept, keptDays);
  await db.run.update({ where: { id: unfinished }, data: { status: unfinishedStatus, finishedAt: null } });
  return { flow, expired, kept, unfinished };
}

const runWithPayloads = (runId: string) =>
  db.run.findUniqueOrThrow({ where: { id: runId }, include: { event: true, steps: { orderBy: { position: "asc" }, include: { attempts: true } } } });

async function asRole(role: "admin" | "analyst" | "operator" | "viewer") {
  return { authorization: `Bearer ${(await createUserWithToken(role)).token}` };
}

describe("run retention", () => {
  it("clears payloads of final runs past the body window, keeps newer and unfinished runs, and a second purge finds nothing", async () => {
    const { flow, expired: old, kept: recent, unfinished } = await seedAgedRuns("Retention bodies", 20, 13, "waiting_retry");
    const before = (await measureFlowStorage({ flowIds: [flow.id] }))[flow.id]!;
    expect(before.runs).toBe(4);
    expect(before.bytes).toBeGreaterThan(0);

    const purged = await purgeExpiredRunData({ now, batchSize: 1 });
    expect(purged).toMatchObject({ runsPurged: 2, eventsPurged: 2, eventsDeleted: 0, runsDeleted: 0 });
    expect(purged.stepsPurged).toBeGreaterThanOrEqual(6);
    expect(purged.attemptsPurged).toBeGreaterThanOrEqual(2);

    for (const runId of old) {
      const run = await runWithPayloads(runId);
      expect(run.bodiesPurgedAt).not.toBeNull();
      expect(run.event).toMatchObject({ rawBody: "", headers: {}, bodyPurgedAt: expect.any(Date) });
      for (const step of run.steps) {
        expect(step).toMatchObject({ input: null, output: null, outputKeyId: null });
        for (const attempt of step.attempts) expect(attempt).toMatchObject({ request: null, response: null });
      }
    }
    // outputSealed is omitted from queries unless asked for (secrets sealed by default), so counted here.
    expect(await db.stepRun.count({ where: { runId: { in: old }, outputSealed: { not: null } } })).toBe(0);
    // What an operator needs to understand the failure stays: status, class, code, message, timings, keys.
    const failed = await runWithPayloads(old[1]!);
    const send = failed.steps.find((step) => step.nodeId === "send")!;
    expect(failed.status).toBe("failed");
    expect(send).toMatchObject({ status: "failed", errorClass: "permanent", idempotencyKey: expect.any(String) });
    expect(send.attempts[0]).toMatchObject({ status: "failed", errorClass: "permanent", error: expect.objectContaining({ class: "permanent" }), durationMs: expect.any(Number) });

    for (const runId of [recent, unfinished]) {
      const run = await runWithPayloads(runId);
      expect(run.bodiesPurgedAt).toBeNull();
      expect(run.event.rawBody).toContain("ORD-");
      expect(run.steps.some((step) => step.output !== null)).toBe(true);
    }
    const after = (await measureFlowStorage({ flowIds: [flow.id] }))[flow.id]!;
    expect(after.runs).toBe(4);
    expect(after.bytes).toBeLessThan(before.bytes);

    expect(await purgeExpiredRunData({ now })).toEqual({ runsPurged: 0, stepsPurged: 0, attemptsPurged: 0, eventsPurged: 0, eventsDeleted: 0, runsDeleted: 0 });
  });

  it("refuses to retry or replay a purged run with 409, naming the retention", async () => {
    const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), "Retention retry");
    const runId = await finishedRun(flow.hookKey, 422);
    await age(runId, 15);
    await purgeExpiredRunData({ now });

    const retry = await retryRoute(new Request(`http://localhost/api/v1/runs/${runId}/retry`, { method: "POST", headers: await asRole("operator") }), {
      params: Promise.resolve({ runId }),
    });
    expect(retry.status).toBe(409);
    expect(((await retry.json()) as { error: { message: string } }).error.message).toMatch(/payload was purged after 14 days \(retention\)/);
    const replay = await replayRoute(jsonRequest(`http://localhost/api/v1/runs/${runId}/replay`, { version: "same" }, { headers: await asRole("operator") }), {
      params: Promise.resolve({ runId }),
    });
    expect(replay.status).toBe(409);
    expect(((await replay.json()) as { error: { details: unknown } }).error.details).toEqual({ reason: "payload_purged", bodyRetentionDays: 14 });
    // Nothing moved: the run is still failed, unretried, and has no replay.
    expect(await db.run.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "failed", retryCount: 0 });
    expect(await db.run.count({ where: { replayOfRunId: runId } })).toBe(0);
  });

  it("deletes final runs past the run window with their steps, attempts and event once the event's dedup key is gone", async () => {
    const { flow, expired, kept, unfinished } = await seedAgedRuns("Retention runs", 100, 60, "queued");
    const eventIds = (await db.run.findMany({ where: { id: { in: expired } } })).map((run) => run.eventId);
    const stepIds = (await db.stepRun.findMany({ where: { runId: { in: expired } } })).map((step) => step.id);

    // While intake still holds their dedup keys (R4), the events and their runs stay; only the bodies go.
    expect(await purgeExpiredRunData({ now })).toMatchObject({ runsPurged: 3, eventsDeleted: 0, runsDeleted: 0 });
    expect(await db.run.count({ where: { id: { in: expired } } })).toBe(2);

    expect((await pruneIntakeRecords({ now })).intakeKeys).toBeGreaterThanOrEqual(3);
    expect(await purgeExpiredRunData({ now, batchSize: 1 })).toMatchObject({ eventsDeleted: 2, runsDeleted: 2 });
    expect(await db.run.count({ where: { id: { in: expired } } })).toBe(0);
    expect(await db.event.count({ where: { id: { in: eventIds } } })).toBe(0);
    expect(await db.stepRun.count({ where: { id: { in: stepIds } } })).toBe(0);
    expect(await db.stepAttempt.count({ where: { stepRunId: { in: stepIds } } })).toBe(0);
    expect(await db.run.count({ where: { id: { in: [kept, unfinished] } } })).toBe(2);
    expect((await measureFlowStorage({ flowIds: [flow.id] }))[flow.id]!.runs).toBe(2);

    expect(await purgeExpiredRunData({ now })).toEqual({ runsPurged: 0, stepsPurged: 0, attemptsPurged: 0, eventsPurged: 0, eventsDeleted: 0, runsDeleted: 0 });
  });

  it("lets only admins change a flow's retention, validates it (422), and audits the change", async () => {
    const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), "Retention settings");
    const put = async (headers: Record<string, string>, body: unknown, flowId = flow.id) =>
      retentionRoute(jsonRequest(`http://localhost/api/v1/flows/${flowId}/retention`, body, { method: "PUT", headers }), { params: Promise.resolve({ flowId }) });
    for (const role of ["analyst", "operator", "viewer"] as const) {
      expect((await put(await asRole(role), { bodyRetentionDays: 7, runRetentionDays: 30 })).status).toBe(403);
    }
    const admin = await asRole("admin");
    const shorterRuns = await put(admin, { bodyRetentionDays: 30, runRetentionDays: 7 });
    expect(shorterRuns.status).toBe(422);
    expect(((await shorterRuns.json()) as { error: { message: string } }).error.message).toMatch(/runRetentionDays must be at least bodyRetentionDays/);
    for (const body of [{ bodyRetentionDays: 0, runRetentionDays: 30 }, { bodyRetentionDays: 3651, runRetentionDays: 4000 }, { bodyRetentionDays: 1.5, runRetentionDays: 30 }, {}]) {
      expect((await put(admin, body)).status).toBe(422);
    }
    expect((await put(admin, { bodyRetentionDays: 7, runRetentionDays: 30 }, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect(await db.flow.findUniqueOrThrow({ where: { id: flow.id } })).toMatchObject({ bodyRetentionDays: 14, runRetentionDays: 90 });

    const saved = await put(admin, { bodyRetentionDays: 7, runRetentionDays: 30 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ flow: { id: flow.id, bodyRetentionDays: 7, runRetentionDays: 30 } });
    expect((await put(admin, { bodyRetentionDays: 7, runRetentionDays: 30 })).status).toBe(200);
    const audits = await db.auditLog.findMany({ where: { action: "flow.retention", targetId: flow.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ from: { bodyRetentionDays: 14, runRetentionDays: 90 }, to: { bodyRetentionDays: 7, runRetentionDays: 30 } });
  });
});
