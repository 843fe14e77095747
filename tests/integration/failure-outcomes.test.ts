import { describe, expect, it } from "vitest";
import { executeRun } from "@/lib/runs/execute-run";
import { deliverEvent, loadRun, publishCallFlow } from "@/tests/support/credential-flow";
import type { FakeProvider } from "@/tests/support/fake-provider";
import { useFakeProvider } from "@/tests/support/use-fake-provider";

let crm: FakeProvider;
useFakeProvider((started) => (crm = started));

/** Runs the run's job again and again, as the queue would after each retry delay, until it settles. */
async function executeUntilSettled(runId: string) {
  for (let executions = 1; executions <= 10; executions += 1) {
    const outcome = await executeRun({ runId });
    if (outcome.status !== "waiting_retry") return { outcome, executions };
  }
  throw new Error(`run ${runId} still waiting after 10 executions`);
}

describe("failure outcomes the engine must get right (R6, R8)", () => {
  it("does not create a second record when the call timed out after the provider committed it", async () => {
    const { flow } = await publishCallFlow({ url: `${crm.url}/crm/leads`, timeoutMs: 300, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    // The provider records the lead, then never answers: our side sees only a timeout.
    crm.injectFaults({ type: "commit-then-hang" });
    const { runId } = await deliverEvent(flow.hookKey, { id: "lead-timeout-1" });

    const { outcome } = await executeUntilSettled(runId);

    expect(outcome).toEqual({ status: "succeeded" });
    const step = (await loadRun(runId)).steps[1]!;
    expect(step.attempts.map((attempt) => attempt.errorClass)).toEqual(["ambiguous", null]);
    // The timeline says what followed the lost answer: a retry after a backoff delay.
    expect(step.attempts.map((attempt) => attempt.retryReason)).toEqual(["backoff", null]);
    expect(step.attempts[0]!.retryDelayMs).toBeGreaterThanOrEqual(0);
    const sent = crm.requests.filter((request) => (request.body as { externalId?: string }).externalId === "lead-timeout-1");
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((request) => request.headers["idempotency-key"]))).toEqual(new Set([step.idempotencyKey]));
    expect([...crm.records.values()].filter((record) => JSON.stringify(record).includes("lead-timeout-1"))).toHaveLength(1);
  });

  it("makes exactly one call for a permanent 422 and fails the run with class permanent", async () => {
    const { flow } = await publishCallFlow({ url: `${crm.url}/crm/leads`, retry: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 2 } });
    crm.injectFaults({ type: "status", status: 422, body: { error: "phone is invalid" } });
    const { runId } = await deliverEvent(flow.hookKey, { id: "lead-422-1" });

    const { outcome, executions } = await executeUntilSettled(runId);

    expect(outcome).toEqual({ status: "failed" });
    expect(executions).toBe(1);
    expect(crm.requests.filter((request) => (request.body as { externalId?: string }).externalId === "lead-422-1")).toHaveLength(1);
    const run = await loadRun(runId);
    expect(run.error).toMatchObject({ nodeId: "call", class: "permanent", status: 422 });
    expect(run.steps[1]!.attempts).toMatchObject([{ retryReason: "class_not_retried", retryDelayMs: null }]);
  });
});
