import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishVersion } from "@/lib/flows/publish-version";
import { updateDraft } from "@/lib/flows/update-draft";
import { advanceRun } from "@/lib/runs/advance-run";
import { checkRunAccounting } from "@/lib/runs/check-run-accounting";
import { POST as replayRoute } from "@/app/api/v1/runs/[runId]/replay/route";
import type { FakeProvider } from "@/tests/support/fake-provider";
import { useFakeProvider } from "@/tests/support/use-fake-provider";
import { createPublishedFlow, createUserWithToken, jsonRequest } from "@/tests/support/fixtures";
import { deliverOrder, fastDemoFlow, settleRunJobs } from "@/tests/support/operator-flows";

let crm: FakeProvider;
useFakeProvider((started) => (crm = started));
beforeEach(() => crm.reset());

let sequence = 0;
const nextId = () => `replay-${(sequence += 1)}`;

type ReplayAnswer = { run: { id: string; replayOfRunId: string; flowVersion: { number: number } }; effects: unknown[] };

async function replay(runId: string, body: unknown, role: "operator" | "viewer" = "operator") {
  const { token } = await createUserWithToken(role);
  const request = jsonRequest(`http://localhost/api/v1/runs/${runId}/replay`, body, { headers: { authorization: `Bearer ${token}` } });
  return replayRoute(request, { params: Promise.resolve({ runId }) });
}

async function succeededRun(hookKey: string) {
  const { runId } = await deliverOrder(hookKey, nextId());
  expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
  await settleRunJobs(runId);
  return runId;
}

const keysOf = async (runId: string) => (await db.stepRun.findMany({ where: { runId }, orderBy: { nodeId: "asc" } })).map((step) => [step.nodeId, step.idempotencyKey]);

describe("replay (R17)", () => {
  it("replays a succeeded run as a new run with the same keys: the target returns the record it made", async () => {
    const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), "Replay same");
    const originalId = await succeededRun(flow.hookKey);

    const response = await replay(originalId, { version: "same" });
    expect(response.status).toBe(202);
    const answer = (await response.json()) as ReplayAnswer;
    expect(answer.run).toMatchObject({ replayOfRunId: originalId, flowVersion: { number: 1 } });
    expect(answer.effects).toEqual([{ nodeId: "send", label: "Create lead", method: "POST", idempotencyHonoured: true, protection: "idempotency-key" }]);

    expect(await advanceRun({ runId: answer.run.id })).toEqual({ status: "succeeded" });
    expect(await keysOf(answer.run.id)).toEqual(await keysOf(originalId));
    const send = await db.stepRun.findFirstOrThrow({ where: { runId: answer.run.id, nodeId: "send" }, include: { attempts: true } });
    expect(JSON.stringify(send.attempts[0]?.response)).toContain("idempotent-replayed");
    expect(crm.requests).toHaveLength(2);
    expect(crm.records.size).toBe(1);
    expect(crm.violations()).toEqual({ duplicateRecords: [], multipleKeys: [] });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "run.replay", targetId: originalId } });
    expect(audit.details).toMatchObject({ replayRunId: answer.run.id, version: "same", versionNumber: 1 });
  });

  it("replays on the latest published version when asked, and accounts the event by its replay (R16)", async () => {
    const { flow, actor } = await createPublishedFlow(fastDemoFlow(crm.url), "Replay latest");
    const { runId: originalId } = await deliverOrder(flow.hookKey, nextId());
    crm.injectFaults({ type: "status", status: 422 });
    expect(await advanceRun({ runId: originalId })).toEqual({ status: "failed" });
    // v2 sends the lead to another collection.
    const v2 = fastDemoFlow(crm.url);
    v2.nodes = v2.nodes.map((node) => (node.kind === "http-request" ? { ...node, config: { ...node.config, url: `${crm.url}/crm/deals` } } : node));
    await updateDraft({ flowId: flow.id, actor, input: { definition: v2 } });
    await publishVersion({ flowId: flow.id, actor, message: "v2", environment: "production" });

    const answer = (await (await replay(originalId, { version: "latest" })).json()) as ReplayAnswer;
    expect(answer.run.flowVersion.number).toBe(2);
    expect(await advanceRun({ runId: answer.run.id })).toEqual({ status: "succeeded" });
    expect(crm.requests.map((request) => request.path)).toEqual(["/crm/leads", "/crm/deals"]);
    const [accounting] = await checkRunAccounting(flow.id);
    expect(accounting).toMatchObject({ received: 1, succeeded: 1, failed: 0, replays: 1, atRest: true, holds: true });
  });

  it("makes one replay of a double click, and refuses an unfinished run (409), a bad body (422) and a viewer (403)", async () => {
    const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), "Replay refused");
    const originalId = await succeededRun(flow.hookKey);
    const responses = await Promise.all([replay(originalId, { version: "same" }), replay(originalId, { version: "same" })]);
    expect(responses.map((response) => response.status).sort()).toEqual([202, 409]);
    expect(await db.run.count({ where: { replayOfRunId: originalId } })).toBe(1);

    const { runId: queued } = await deliverOrder(flow.hookKey, nextId());
    expect((await replay(queued, { version: "same" })).status).toBe(409);
    expect((await replay(originalId, { version: "newest" })).status).toBe(422);
    expect((await replay(originalId, {})).status).toBe(422);
    expect((await replay(originalId, { version: "same" }, "viewer")).status).toBe(403);
    expect((await replay("00000000-0000-4000-8000-000000000000", { version: "same" })).status).toBe(404);
  });
});
