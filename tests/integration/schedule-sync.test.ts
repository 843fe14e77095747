import type { PgBoss } from "pg-boss";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env.mjs";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { publishVersion } from "@/lib/flows/publish-version";
import { rollbackVersion } from "@/lib/flows/rollback-version";
import { setFlowStatus } from "@/lib/flows/set-flow-status";
import { updateDraft } from "@/lib/flows/update-draft";
import { getPollStatus } from "@/lib/polling/get-poll-status";
import { reconcileFlowSchedules } from "@/lib/triggers/reconcile-flow-schedules";
import { startWorker } from "@/worker/start-worker";
import { startFakePaginatedSource, type FakePaginatedSource } from "@/tests/support/fake-paginated-source";
import { createPublishedFlow, waitFor } from "@/tests/support/fixtures";
import { buildScheduleFlow, buildTokenPoll } from "@/tests/support/schedule-flow";

let boss: PgBoss;
let source: FakePaginatedSource;

beforeAll(async () => {
  source = await startFakePaginatedSource();
  boss = await startWorker({ databaseUrl: env.DATABASE_URL!, concurrency: 4, pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await boss.stop({ graceful: false });
  await source.close();
  await db.$disconnect();
});

beforeEach(() => source.reset());

/** The flow's poll schedule, once the sync jobs queued so far have created it. */
function waitForSchedule(flowId: string) {
  return waitFor(() => boss.getSchedule("flow.poll", flowId), { what: `the schedule of ${flowId} to be created` });
}

function waitForNoSchedule(flowId: string) {
  return waitFor(async () => (await boss.getSchedule("flow.poll", flowId)) === null, { what: `the schedule of ${flowId} to be removed` });
}

describe("schedule trigger, pg-boss schedules", () => {
  it("follows publish, pause, resume, a webhook version and a rollback", async () => {
    const { flow, actor } = await createPublishedFlow(buildScheduleFlow({ cron: "*/10 * * * *", timezone: "Asia/Almaty" }), "Scheduled flow");
    const schedule = await waitForSchedule(flow.id);
    expect(schedule).toMatchObject({ name: "flow.poll", key: flow.id, cron: "*/10 * * * *", timezone: "Asia/Almaty", data: { flowId: flow.id } });
    // Every tick's job carries the flow id as singletonKey: the exclusive queue then holds one poll per flow.
    expect(schedule.options).toMatchObject({ singletonKey: flow.id, missed: "once" });

    await setFlowStatus({ flowId: flow.id, status: "paused", actor });
    await waitForNoSchedule(flow.id);
    await setFlowStatus({ flowId: flow.id, status: "active", actor });
    await waitForSchedule(flow.id);

    await updateDraft({ flowId: flow.id, actor, input: { definition: buildDemoFlowDefinition("http://127.0.0.1:9/crm/leads") } });
    await publishVersion({ flowId: flow.id, actor, message: "webhook now", environment: "production" });
    await waitForNoSchedule(flow.id);

    await rollbackVersion({ flowId: flow.id, versionNumber: 1, actor });
    expect(await waitForSchedule(flow.id)).toMatchObject({ cron: "*/10 * * * *", timezone: "Asia/Almaty" });
  });

  it("changes the schedule when a new version changes the cron or time zone", async () => {
    const { flow, actor } = await createPublishedFlow(buildScheduleFlow({ cron: "0 * * * *" }), "Rescheduled flow");
    await waitForSchedule(flow.id);
    await updateDraft({ flowId: flow.id, actor, input: { definition: buildScheduleFlow({ cron: "30 9 * * 1-5", timezone: "Europe/Moscow" }) } });
    await publishVersion({ flowId: flow.id, actor, message: "weekdays", environment: "production" });
    await waitFor(async () => (await boss.getSchedule("flow.poll", flow.id))?.cron === "30 9 * * 1-5", { what: "the new cron" });
    expect(await boss.getSchedule("flow.poll", flow.id)).toMatchObject({ timezone: "Europe/Moscow" });
    expect(await boss.getSchedules("flow.poll", flow.id)).toHaveLength(1);
  });

  it("reconciles at start: removes schedules of deleted or paused flows and restores a lost one", async () => {
    const { flow } = await createPublishedFlow(buildScheduleFlow(), "Lost schedule");
    await waitForSchedule(flow.id);
    // What a crash or manual tinkering could leave: a lost schedule, one of a deleted flow, one of a paused flow.
    await boss.unschedule("flow.poll", flow.id);
    const deletedFlowId = randomUUID();
    await boss.schedule("flow.poll", "* * * * *", { flowId: deletedFlowId }, { key: deletedFlowId });
    const paused = await createPublishedFlow(buildScheduleFlow(), "Paused behind our back");
    await waitForSchedule(paused.flow.id);
    await db.flow.update({ where: { id: paused.flow.id }, data: { status: "paused" } });

    expect(await reconcileFlowSchedules()).toBeGreaterThanOrEqual(3);
    await waitForSchedule(flow.id);
    await waitForNoSchedule(deletedFlowId);
    await waitForNoSchedule(paused.flow.id);
  });

  it("refuses to publish a cron the queue's parser cannot evaluate, naming the node", async () => {
    // The schema checks each field's shape only; minute 61 passes it, the parser does not.
    await expect(createPublishedFlow(buildScheduleFlow({ cron: "61 * * * *" }), "Refused cron flow")).rejects.toMatchObject({
      status: 422,
      details: { problems: [expect.objectContaining({ path: "config.cron", message: expect.stringContaining('cron "61 * * * *" is not a valid schedule') })] },
    });
  });

  it("shows why a stored cron pg-boss cannot evaluate is not scheduled, instead of retrying", async () => {
    // A version published before publishing checked crons, or written by hand.
    const { flow, version } = await createPublishedFlow(buildScheduleFlow({ cron: "0 * * * *" }), "Bad cron flow");
    await waitForSchedule(flow.id);
    const definition = structuredClone(version.definition) as { nodes: Array<{ kind: string; config: Record<string, unknown> }> };
    for (const node of definition.nodes) if (node.kind === "schedule-trigger") node.config.cron = "61 * * * *";
    await db.flowVersion.update({ where: { id: version.id }, data: { definition: definition as Prisma.InputJsonValue } });
    await reconcileFlowSchedules();
    const state = await waitFor(async () => {
      const found = await db.pollState.findUnique({ where: { flowId: flow.id } });
      return found?.lastError ? found : undefined;
    }, { what: "the sync to record the problem" });
    expect(state.lastError).toMatch(/^The schedule "61 \* \* \* \*" \(UTC\) cannot be evaluated: .*0-59/);
    expect(await boss.getSchedule("flow.poll", flow.id)).toBeNull();
    expect((await getPollStatus(flow.id)).schedule).toBeNull();
  });

  it("shows the schedule's next run and the poll's state", async () => {
    const { flow } = await createPublishedFlow(buildScheduleFlow({ cron: "0 6 * * *", timezone: "Asia/Almaty" }), "Status flow");
    await waitForSchedule(flow.id);
    const status = await getPollStatus(flow.id);
    expect(status.schedule).toMatchObject({ cron: "0 6 * * *", timezone: "Asia/Almaty" });
    // 06:00 in Almaty (UTC+5) is 01:00 UTC.
    expect(status.schedule?.nextRunAt?.toISOString()).toMatch(/T01:00:00\.000Z$/);
    expect(status).toMatchObject({ cursor: null, itemsAccepted: 0, lastError: null, lastPolledAt: null });
  });

  it("keeps the daily retention schedules", async () => {
    expect(await boss.getSchedule("intake.retention")).toMatchObject({ cron: "40 3 * * *", timezone: "UTC" });
    expect(await boss.getSchedule("retention.purge")).toMatchObject({ cron: "10 4 * * *", timezone: "UTC" });
  });
});

describe("schedule trigger, poll jobs in the worker", () => {
  it("polls the source when the flow's poll job runs, and every record's run executes with the record as its payload", async () => {
    const items = source.addItems(4);
    const { flow } = await createPublishedFlow(buildScheduleFlow({ poll: buildTokenPoll(source.url) }), "Worker poll flow");
    await boss.send("flow.poll", { flowId: flow.id }, { singletonKey: flow.id });

    const runs = await waitFor(
      async () => {
        const found = await db.run.findMany({ where: { flowId: flow.id }, include: { steps: { orderBy: { position: "asc" } }, event: true } });
        return found.length === 4 && found.every((run) => run.status === "succeeded") && found;
      },
      { what: "the four runs to succeed" },
    );
    for (const run of runs) {
      const item = items.find((candidate) => run.event.providerEventId === `${candidate.id}@1`);
      expect(run.steps.map((step) => [step.kind, step.status])).toEqual([
        ["schedule-trigger", "succeeded"],
        ["map-fields", "succeeded"],
      ]);
      expect(run.steps[0]!.output).toEqual(item);
      expect(run.steps[1]!.output).toEqual({ name: item!.name });
    }
    const status = await getPollStatus(flow.id);
    expect(status).toMatchObject({ cursor: "o3", itemsAccepted: 4, lastError: null, leaseUntil: null });
    expect(status.lastSucceededAt).toBeInstanceOf(Date);
  });

  it.each(["intake.retention", "retention.purge"] as const)("runs the %s job", async (name) => {
    const jobId = await boss.send(name, {});
    await waitFor(async () => (await boss.getJobById(name, jobId!))?.state === "completed", { what: `the ${name} job to complete` });
  });
});
