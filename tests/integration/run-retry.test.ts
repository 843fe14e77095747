import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { advanceRun } from "@/lib/runs/advance-run";
import { POST as retryRoute } from "@/app/api/v1/runs/[runId]/retry/route";
import type { FakeProvider } from "@/tests/support/fake-provider";
import { useFakeProvider } from "@/tests/support/use-fake-provider";
import { countRunJobs, createPublishedFlow, createUserWithToken } from "@/tests/support/fixtures";
import { deliverOrder, fastDedupFlow, fastDemoFlow, settleRunJobs } from "@/tests/support/operator-flows";

let crm: FakeProvider;
useFakeProvider((started) => (crm = started));
beforeEach(() => crm.reset());

let sequence = 0;
const nextId = () => `retry-${(sequence += 1)}`;

async function retry(runId: string, role: "operator" | "viewer" | "analyst" = "operator") {
  const { token } = await createUserWithToken(role);
  const request = new Request(`http://localhost/api/v1/runs/${runId}/retry`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  return retryRoute(request, { params: Promise.resolve({ runId }) });
}

/** Delivers an order and runs it until it stops on the injected fault. */
async function failedRun(hookKey: string, fault: Parameters<FakeProvider["injectFaults"]>[0], email?: string) {
  const { runId } = await deliverOrder(hookKey, nextId(), email);
  crm.injectFaults(fault);
  const outcome = await advanceRun({ runId });
  await settleRunJobs(runId);
  return { runId, outcome };
}

const stepsOf = (runId: string) => db.stepRun.findMany({ where: { runId }, orderBy: { position: "asc" }, include: { attempts: { orderBy: { number: "asc" } } } });

describe("retry (R17)", () => {
  it("resumes a failed run at its failed step with the same idempotency key, keeping earlier steps", async () => {
    const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), "Retry failed");
    const { runId, outcome } = await failedRun(flow.hookKey, { type: "status", status: 422, body: { error: "invalid phone" } });
    expect(outcome).toEqual({ status: "failed" });
    const before = await stepsOf(runId);

    const response = await retry(runId);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ run: { id: runId, status: "queued", retryCount: 1 } });
    expect(await countRunJobs(runId, "created")).toBe(1);
    expect((await db.stepRun.findFirstOrThrow({ where: { runId, nodeId: "send" } })).status).toBe("waiting_retry");

    expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
    const after = await stepsOf(runId);
    // The trigger and mapping are the same checkpoints, not run again.
    for (const nodeId of ["webhook", "map"]) {
      const was = before.find((step) => step.nodeId === nodeId)!;
      const is = after.find((step) => step.nodeId === nodeId)!;
      expect(is).toMatchObject({ id: was.id, status: "succeeded", attemptCount: 1 });
    }
    const send = after.find((step) => step.nodeId === "send")!;
    expect(send.attempts.map((attempt) => [attempt.number, attempt.status])).toEqual([[1, "failed"], [2, "succeeded"]]);
    const keys = crm.requests.map((request) => request.headers["idempotency-key"]);
    expect(keys).toEqual([send.idempotencyKey, send.idempotencyKey]);
    expect(crm.records.size).toBe(1);
    expect(crm.violations()).toEqual({ duplicateRecords: [], multipleKeys: [] });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "run.retry", targetId: runId } });
    expect(audit.details).toMatchObject({ from: "failed", retry: 1 });
  });

  it("retries a needs-review run with the same key: the target answers with the record it already made", async () => {
    const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), "Retry review");
    const { runId, outcome } = await failedRun(flow.hookKey, { type: "reset-after-effect" });
    expect(outcome).toEqual({ status: "needs_review" });
    expect((await retry(runId)).status).toBe(202);
    expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
    expect(crm.records.size).toBe(1);
    expect(new Set(crm.requests.map((request) => request.headers["idempotency-key"])).size).toBe(1);
    expect(crm.violations().duplicateRecords).toEqual([]);
  });

  it("makes one retry of a double click: one 202, one 409 and one new job", async () => {
    const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), "Retry twice");
    const { runId } = await failedRun(flow.hookKey, { type: "status", status: 400 });
    const jobsBefore = await countRunJobs(runId);
    const responses = await Promise.all([retry(runId), retry(runId)]);
    expect(responses.map((response) => response.status).sort()).toEqual([202, 409]);
    const refused = responses.find((response) => response.status === 409)!;
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("already retried");
    expect((await countRunJobs(runId)) - jobsBefore).toBe(1);
    expect(await db.auditLog.count({ where: { action: "run.retry", targetId: runId } })).toBe(1);
  });

  it("claims a released dedup key again: a run retried after another took the key ends as its duplicate", async () => {
    const { flow } = await createPublishedFlow(fastDedupFlow(crm.url), "Retry dedup");
    const first = await failedRun(flow.hookKey, { type: "status", status: 422 }, "dup@example.com");
    expect(first.outcome).toEqual({ status: "failed" });
    // The permanent failure released the key, so a second order from the same customer gets through.
    const second = await deliverOrder(flow.hookKey, nextId(), "dup@example.com");
    expect(await advanceRun({ runId: second.runId })).toEqual({ status: "succeeded" });

    expect((await retry(first.runId)).status).toBe(202);
    expect(await advanceRun({ runId: first.runId })).toEqual({ status: "skipped_duplicate" });
    expect(await db.run.findUniqueOrThrow({ where: { id: first.runId } })).toMatchObject({ duplicateOfRunId: second.runId });
    expect(crm.records.size).toBe(1);
  });

  it("holds its dedup key again when retried with no one else claiming it", async () => {
    const { flow } = await createPublishedFlow(fastDedupFlow(crm.url), "Retry dedup alone");
    const { runId } = await failedRun(flow.hookKey, { type: "status", status: 422 }, "alone@example.com");
    expect(await db.dedupClaim.count({ where: { runId } })).toBe(0);
    expect((await retry(runId)).status).toBe(202);
    expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
    expect(await db.dedupClaim.count({ where: { runId } })).toBe(1);
  });

  it("refuses a run that has not failed (409), an unknown run (404) and roles without runs.retry (403)", async () => {
    const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), "Retry refused");
    const { runId } = await deliverOrder(flow.hookKey, nextId());
    expect((await retry(runId)).status).toBe(409);
    expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
    expect((await retry(runId)).status).toBe(409);
    expect((await retry(runId, "viewer")).status).toBe(403);
    expect((await retry(runId, "analyst")).status).toBe(403);
    expect((await retry("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
