import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getBoss } from "@/lib/queue/boss";
import { sendJob } from "@/lib/queue/send-job";
import { failAbandonedRun } from "@/lib/runs/fail-abandoned-run";
import type { FakeProvider } from "@/tests/support/fake-provider";
import { useFakeProvider } from "@/tests/support/use-fake-provider";
import { createPublishedFlow } from "@/tests/support/fixtures";
import { deliverOrder, fastDemoFlow, settleRunJobs } from "@/tests/support/operator-flows";

let crm: FakeProvider;
useFakeProvider((started) => (crm = started));

const jobsOf = async (runId: string) => (await (await getBoss()).findJobs<{ runId: string }>("run.execute", { key: runId })).map((job) => job.state).sort();

describe("a dead-lettered run.execute job", () => {
  it("leaves the run to its other live job when pg-boss could not put the failed one back in retry", async () => {
    const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), "Abandoned run");
    const { runId } = await deliverOrder(flow.hookKey, "dead-1");
    const boss = await getBoss();
    const claim = async () => (await boss.fetch<{ runId: string }>("run.execute", { batchSize: 100 })).find((job) => job.data.runId === runId);
    // A worker claims the run's job, schedules the run's next one (as advanceRun does), and dies: its job waits in retry.
    const first = await claim();
    await sendJob("run.execute", { runId }, { singletonKey: runId });
    await boss.fail("run.execute", first!.id, new Error("worker lost"));
    // Another worker claims the scheduled job and dies too. Stately keeps one retry per run, and that
    // slot is taken, so pg-boss fails this job for good and dead-letters it at its first attempt.
    const second = await claim();
    await boss.fail("run.execute", second!.id, new Error("database restarted"));
    expect(await jobsOf(runId)).toEqual(["failed", "retry"]);
    expect(await boss.findJobs("run.dead", { data: { runId } })).toHaveLength(1);

    // The job in retry still carries the run: the dead letter must not fail it.
    expect(await failAbandonedRun(runId)).toBe("superseded");
    expect((await db.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe("queued");
  });

  it("fails the run, visibly and retryably, when no job of it is left", async () => {
    const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), "Abandoned run, no job left");
    const { runId } = await deliverOrder(flow.hookKey, "dead-2");
    await settleRunJobs(runId);
    expect(await failAbandonedRun(runId)).toBe("failed");
    const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ class: "temporary", code: "job_exhausted" });
  });
});
