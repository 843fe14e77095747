import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { BulkReplayState } from "@/lib/generated/prisma/enums";
import { advanceBulkReplay } from "@/lib/runs/advance-bulk-replay";
import { advanceRun } from "@/lib/runs/advance-run";
import { checkRunAccounting } from "@/lib/runs/check-run-accounting";
import { GET as listRoute, POST as startRoute } from "@/app/api/v1/replays/route";
import { GET as getRoute } from "@/app/api/v1/replays/[replayId]/route";
import { POST as actionRoute } from "@/app/api/v1/replays/[replayId]/[action]/route";
import type { FakeProvider } from "@/tests/support/fake-provider";
import { useFakeProvider } from "@/tests/support/use-fake-provider";
import { createPublishedFlow, createUserWithToken, jsonRequest } from "@/tests/support/fixtures";
import { deliverOrder, fastDemoFlow, settleRunJobs } from "@/tests/support/operator-flows";

let crm: FakeProvider;
useFakeProvider((started) => (crm = started));
beforeEach(() => crm.reset());

type Replay = { id: string; state: BulkReplayState; reason: string | null; progress: { total: number; replayed: number; inFlight: number; succeeded: number; failed: number } };
type Role = "operator" | "viewer";

const tokens = new Map<Role, string>();
async function tokenFor(role: Role) {
  if (!tokens.has(role)) tokens.set(role, (await createUserWithToken(role)).token);
  return tokens.get(role)!;
}
const auth = async (role: Role) => ({ authorization: `Bearer ${await tokenFor(role)}` });

async function start(body: unknown, role: Role = "operator") {
  return startRoute(jsonRequest("http://localhost/api/v1/replays", body, { headers: await auth(role) }), undefined);
}
async function act(replayId: string, action: string, role: Role = "operator", body?: unknown) {
  const headers = { ...(await auth(role)), ...(body === undefined ? {} : { "content-type": "application/json" }) };
  const request = new Request(`http://localhost/api/v1/replays/${replayId}/${action}`, { method: "POST", headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return actionRoute(request, { params: Promise.resolve({ replayId, action }) });
}
async function progressOf(replayId: string, role: Role = "operator"): Promise<Replay> {
  const response = await getRoute(new Request(`http://localhost/api/v1/replays/${replayId}`, { headers: await auth(role) }), { params: Promise.resolve({ replayId }) });
  return ((await response.json()) as { replay: Replay }).replay;
}

/** Six orders whose runs failed permanently (the target refused them), on a fresh flow. */
async function sixFailedRuns(name: string) {
  const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), name);
  const runIds: string[] = [];
  for (let index = 0; index < 6; index += 1) {
    const { runId } = await deliverOrder(flow.hookKey, `${name}-${index}`);
    crm.injectFaults({ type: "status", status: 422 });
    expect(await advanceRun({ runId })).toEqual({ status: "failed" });
    await settleRunJobs(runId);
    runIds.push(runId);
  }
  crm.reset();
  return { flow, runIds };
}

/** What the worker does: one pass of the bulk replay's job, then every replay run it queued. */
async function pass(replayId: string) {
  const state = await advanceBulkReplay(replayId);
  const queued = await db.run.findMany({ where: { bulkReplayId: replayId, status: "queued" }, select: { id: true } });
  for (const { id } of queued) await advanceRun({ runId: id });
  return state;
}

async function passUntilSettled(replayId: string) {
  for (let passes = 0; passes < 20; passes += 1) {
    const state = await pass(replayId);
    if (state !== "running" && state !== "waiting_canary") return state;
  }
  throw new Error("bulk replay did not settle in 20 passes");
}

const replayedRuns = (replayId: string) => db.run.count({ where: { bulkReplayId: replayId } });

describe("bulk replay (R17)", () => {
  it("replays a canary of 2 first, then the rest once the canary succeeded, with no duplicate record", async () => {
    const { flow, runIds } = await sixFailedRuns("bulk-ok");
    const response = await start({ filter: { flowId: flow.id, status: ["failed"] }, version: "same", canary: 2 });
    expect(response.status).toBe(202);
    const { replay } = (await response.json()) as { replay: Replay };
    expect(replay).toMatchObject({ state: "running", progress: { total: 6, replayed: 0 } });

    expect(await advanceBulkReplay(replay.id)).toBe("waiting_canary");
    expect(await replayedRuns(replay.id)).toBe(2);
    // While the canary runs are unfinished, nothing more is replayed.
    expect(await advanceBulkReplay(replay.id)).toBe("waiting_canary");
    expect(await replayedRuns(replay.id)).toBe(2);

    expect(await passUntilSettled(replay.id)).toBe("done");
    expect(await progressOf(replay.id, "viewer")).toMatchObject({ state: "done", progress: { total: 6, replayed: 6, inFlight: 0, succeeded: 6, failed: 0 } });
    const replayed = await db.run.findMany({ where: { bulkReplayId: replay.id }, select: { replayOfRunId: true } });
    expect(replayed.map((run) => run.replayOfRunId).sort()).toEqual([...runIds].sort());
    expect(crm.records.size).toBe(6);
    expect(crm.violations()).toEqual({ duplicateRecords: [], multipleKeys: [] });
    expect((await checkRunAccounting(flow.id))[0]).toMatchObject({ received: 6, succeeded: 6, failed: 0, replays: 6, holds: true });
    expect(await db.auditLog.count({ where: { action: "replay.start", targetId: replay.id } })).toBe(1);
  });

  it("stops as canary_failed when a canary run fails, and replays none of the rest", async () => {
    const { flow } = await sixFailedRuns("bulk-canary");
    crm.setFaultPlan(() => ({ type: "status", status: 422 }));
    const { replay } = (await (await start({ filter: { flowId: flow.id }, version: "same", canary: 2 })).json()) as { replay: Replay };
    expect(await passUntilSettled(replay.id)).toBe("canary_failed");
    const settled = await progressOf(replay.id);
    expect(settled).toMatchObject({ state: "canary_failed", progress: { total: 6, replayed: 2, succeeded: 0, failed: 2 } });
    expect(settled.reason).toMatch(/^Canary run .+ ended failed/);
    expect(await replayedRuns(replay.id)).toBe(2);
  });

  it("pauses and cancels between batches, and never takes in runs that failed after it started", async () => {
    const { flow } = await sixFailedRuns("bulk-pause");
    const { replay } = (await (await start({ filter: { flowId: flow.id, status: "failed" }, version: "latest", batchSize: 2 })).json()) as { replay: Replay };
    const { runId: late } = await deliverOrder(flow.hookKey, "bulk-pause-late");
    crm.injectFaults({ type: "status", status: 422 });
    expect(await advanceRun({ runId: late })).toEqual({ status: "failed" });

    expect(await pass(replay.id)).toBe("running");
    expect(await replayedRuns(replay.id)).toBe(2);
    expect((await act(replay.id, "pause")).status).toBe(200);
    expect(await pass(replay.id)).toBe("paused");
    expect(await replayedRuns(replay.id)).toBe(2);
    expect((await act(replay.id, "pause")).status).toBe(409);

    expect((await act(replay.id, "resume")).status).toBe(200);
    expect(await pass(replay.id)).toBe("running");
    expect(await replayedRuns(replay.id)).toBe(4);
    expect((await act(replay.id, "cancel")).status).toBe(200);
    expect(await pass(replay.id)).toBe("cancelled");
    expect(await replayedRuns(replay.id)).toBe(4);
    expect((await act(replay.id, "resume")).status).toBe(409);
    expect((await progressOf(replay.id)).progress).toMatchObject({ total: 6, replayed: 4 });
    expect(await db.run.count({ where: { replayOfRunId: late } })).toBe(0);
    const audit = await db.auditLog.findMany({ where: { targetId: replay.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audit.map((row) => row.action)).toEqual(["replay.start", "replay.pause", "replay.resume", "replay.cancel"]);
  });

  it("matches runs by failure class and by the connector their calls went to", async () => {
    const { flow } = await sixFailedRuns("bulk-connector");
    const connector = new URL(crm.url).host;
    const matched = await start({ filter: { flowId: flow.id, failureClass: "permanent", connector }, version: "same" });
    expect(((await matched.json()) as { replay: Replay }).replay.progress.total).toBe(6);
    expect((await start({ filter: { flowId: flow.id, connector: "crm.elsewhere.example" }, version: "same" })).status).toBe(422);
    expect((await start({ filter: { flowId: flow.id, failureClass: "auth" }, version: "same" })).status).toBe(422);
  });

  it("refuses viewers (403), bad bodies and empty matches (422), unknown replays and actions (404)", async () => {
    const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), "bulk-refused");
    const body = { filter: { flowId: flow.id }, version: "same" };
    expect((await start(body, "viewer")).status).toBe(403);
    expect((await start({ ...body, version: "newest" })).status).toBe(422);
    expect((await start({ ...body, canary: 0 })).status).toBe(422);
    expect((await start({ filter: { status: ["bogus"] }, version: "same" })).status).toBe(422);
    const none = await start(body);
    expect(none.status).toBe(422);
    expect(((await none.json()) as { error: { message: string } }).error.message).toContain("No finished runs match");
    expect((await start({ ...body, filter: { flowId: flow.id, status: ["queued"] } })).status).toBe(422);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await act(unknown, "pause", "viewer")).status).toBe(403);
    expect((await act(unknown, "pause")).status).toBe(404);
    expect((await act(unknown, "explode")).status).toBe(404);
    expect((await getRoute(new Request(`http://localhost/api/v1/replays/${unknown}`, { headers: await auth("viewer") }), { params: Promise.resolve({ replayId: unknown }) })).status).toBe(404);
  });

  it("lists bulk replays newest first with their progress, filtered by state, to viewers too; a bad query is a 422", async () => {
    const { flow } = await sixFailedRuns("bulk-list");
    const first = ((await (await start({ filter: { flowId: flow.id }, version: "same", batchSize: 2 })).json()) as { replay: Replay }).replay;
    expect(await pass(first.id)).toBe("running");
    expect((await act(first.id, "pause")).status).toBe(200);
    const second = ((await (await start({ filter: { flowId: flow.id }, version: "latest" })).json()) as { replay: Replay }).replay;
    expect((await act(second.id, "cancel")).status).toBe(200);

    const list = async (query: string) => {
      const response = await listRoute(new Request(`http://localhost/api/v1/replays${query}`, { headers: await auth("viewer") }), undefined);
      return { status: response.status, body: (await response.json()) as { replays?: Array<Replay & { runIds?: unknown }>; error?: { message: string } } };
    };
    const all = await list("?limit=100");
    expect(all.status).toBe(200);
    const mine = all.body.replays!.filter((replay) => [first.id, second.id].includes(replay.id));
    expect(mine.map((replay) => replay.id)).toEqual([second.id, first.id]);
    expect(mine[1]).toMatchObject({ state: "paused", progress: { total: 6, replayed: 2, succeeded: 2, failed: 0, inFlight: 0 } });
    expect(mine[1]!.runIds).toBeUndefined();

    const paused = await list("?state=paused&state=canary_failed");
    expect(paused.body.replays!.every((replay) => ["paused", "canary_failed"].includes(replay.state))).toBe(true);
    expect(paused.body.replays!.map((replay) => replay.id)).toContain(first.id);
    expect(paused.body.replays!.map((replay) => replay.id)).not.toContain(second.id);
    expect((await list("?limit=1")).body.replays).toHaveLength(1);

    const bad = await list("?state=exploded");
    expect(bad.status).toBe(422);
    expect(bad.body.error!.message).toContain("state must be one of");
    expect((await list("?limit=0")).status).toBe(422);
  });

  it("cancels with its runs still in flight when asked, in one audited step; a bad body is refused", async () => {
    const { flow } = await sixFailedRuns("bulk-stop");
    const { replay } = (await (await start({ filter: { flowId: flow.id }, version: "same", batchSize: 3 })).json()) as { replay: Replay };
    // One batch replayed but not executed yet: three queued replay runs.
    expect(await advanceBulkReplay(replay.id)).toBe("running");
    const inFlight = await db.run.findMany({ where: { bulkReplayId: replay.id }, select: { id: true, status: true } });
    expect(inFlight.map((run) => run.status)).toEqual(["queued", "queued", "queued"]);

    expect((await act(replay.id, "pause", "operator", { cancelRuns: true })).status).toBe(422);
    expect((await act(replay.id, "cancel", "operator", { cancelRuns: "yes" })).status).toBe(422);
    const cancelled = await act(replay.id, "cancel", "operator", { cancelRuns: true });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as { replay: Replay }).replay).toMatchObject({ state: "cancelled", progress: { replayed: 3, inFlight: 0, failed: 3 } });
    const after = await db.run.findMany({ where: { bulkReplayId: replay.id }, select: { status: true, statusReason: true } });
    expect(after.every((run) => run.status === "cancelled" && run.statusReason?.includes("with its bulk replay"))).toBe(true);
    // The executor leaves a cancelled run alone: nothing reaches the target.
    for (const run of inFlight) await advanceRun({ runId: run.id });
    expect(crm.requests).toHaveLength(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: replay.id, action: "replay.cancel" } });
    expect(audit.details).toMatchObject({ runsCancelled: 3 });
  });
});
