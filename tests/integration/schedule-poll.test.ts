import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// Set before lib/env.mjs loads (this file runs in its own process): a flow backlog
// a few records can reach, and a vault key for the credentialed poll.
vi.hoisted(() => {
  process.env.INTAKE_MAX_FLOW_BACKLOG = "10";
  process.env.FLOWGATE_MASTER_KEYS ??= `test:${Buffer.alloc(32, 7).toString("base64")}`;
});

import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { setFlowStatus } from "@/lib/flows/set-flow-status";
import { pollFlow } from "@/lib/polling/poll-flow";
import { getBoss } from "@/lib/queue/boss";
import { pickBusinessKey } from "@/lib/runs/derive-idempotency-key";
import { startFakePaginatedSource, type FakePaginatedSource } from "@/tests/support/fake-paginated-source";
import { createPublishedFlow, createUserWithToken, jsonRequest, waitFor } from "@/tests/support/fixtures";
import { PUT as pollCursorRoute } from "@/app/api/v1/flows/[flowId]/poll-cursor/route";
import { buildScheduleFlow, buildSincePoll, buildTokenPoll, type PollInput } from "@/tests/support/schedule-flow";
import { seedCredential } from "@/tests/support/seed-credential";

let source: FakePaginatedSource;

beforeAll(async () => {
  source = await startFakePaginatedSource();
});

afterAll(async () => {
  await source.close();
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});

beforeEach(() => source.reset());

const tokenPoll = (extra: Partial<PollInput> = {}) => buildTokenPoll(source.url, extra);
const sincePoll = (extra: Partial<PollInput> = {}) => buildSincePoll(source.url, extra);

async function publishPollFlow(poll: PollInput, name = "Poll flow") {
  const { flow, actor } = await createPublishedFlow(buildScheduleFlow({ poll }), `${name} ${randomUUID().slice(0, 8)}`);
  return { flowId: flow.id, actor };
}

const poll = (flowId: string) => pollFlow({ flowId, tickId: randomUUID() });

/** Every stored event of the flow with its runs: each record must appear once, with one run. */
async function eventsOf(flowId: string) {
  const events = await db.event.findMany({ where: { flowId }, include: { runs: true }, orderBy: { receivedAt: "asc" } });
  return events.map((event) => ({ key: event.providerEventId, runs: event.runs.length, body: JSON.parse(event.rawBody) as unknown, source: event.source }));
}

async function expectEachRecordOnce(flowId: string, keys: string[]) {
  const events = await eventsOf(flowId);
  expect(events.map((event) => event.key).sort()).toEqual([...keys].sort());
  expect(events.every((event) => event.runs === 1)).toBe(true);
  expect(await db.run.count({ where: { flowId } })).toBe(keys.length);
  // Every run has exactly one queued job: nothing of a rolled-back page survived in pg-boss either.
  const jobs = await db.$queryRawUnsafe<Array<{ count: bigint }>>(
    `SELECT count(*)::bigint AS count FROM pgboss.job j JOIN "Run" r ON r."id"::text = j.data->>'runId' WHERE j.name = 'run.execute' AND r."flowId" = $1::uuid`,
    flowId,
  );
  expect(Number(jobs[0]?.count)).toBe(keys.length);
}

const keysOf = (count: number, version = 1) => Array.from({ length: count }, (_, i) => `rec-${i + 1}@${version}`);
const pollState = (flowId: string) => db.pollState.findUniqueOrThrow({ where: { flowId } });

describe("schedule trigger polling, page-token mode", () => {
  it("creates each record's run exactly once over three pages, stores the cursor, and adds nothing when polled again", async () => {
    source.addItems(8);
    const { flowId } = await publishPollFlow(tokenPoll());

    const first = await poll(flowId);
    expect(first).toMatchObject({ status: "polled", pages: 3, accepted: 8, duplicates: 0, stopped: "done", error: null });
    await expectEachRecordOnce(flowId, keysOf(8));
    expect(await pollState(flowId)).toMatchObject({ cursor: "o6", itemsAccepted: 8, lastError: null, leaseUntil: null });
    expect(source.requests.map((request) => request.query.cursor)).toEqual(["", "o3", "o6"]);

    // The next poll re-reads only the last page: its records are duplicates.
    const second = await poll(flowId);
    expect(second).toMatchObject({ status: "polled", pages: 1, accepted: 0, duplicates: 2 });
    await expectEachRecordOnce(flowId, keysOf(8));

    // Records appended to the source are picked up from there.
    source.addItems(2);
    expect(await poll(flowId)).toMatchObject({ accepted: 2 });
    await expectEachRecordOnce(flowId, keysOf(10));
  });

  it("hands each record to its run as the event payload", async () => {
    const [item] = source.addItems(1);
    const { flowId } = await publishPollFlow(tokenPoll());
    await poll(flowId);
    const [event] = await eventsOf(flowId);
    expect(event).toMatchObject({ key: "rec-1@1", source: `poll:${flowId}`, body: item });
    const stored = await db.event.findFirstOrThrow({ where: { flowId } });
    expect(stored).toMatchObject({ contentType: "application/json", businessKey: null });
  });

  it("keeps pages 1-2 when the source fails on page 3, records the classified error, and the next poll completes without duplicates", async () => {
    source.addItems(8);
    const { flowId } = await publishPollFlow(tokenPoll());
    source.queueFaults({ type: "ok" }, { type: "ok" }, { type: "status", status: 500 });

    const failed = await poll(flowId);
    expect(failed).toMatchObject({ status: "polled", pages: 2, accepted: 6, stopped: "failed" });
    expect(failed.status === "polled" && failed.failure?.class).toBe("temporary");
    await expectEachRecordOnce(flowId, keysOf(6));
    const state = await pollState(flowId);
    expect(state).toMatchObject({ cursor: "o6", itemsAccepted: 6, leaseUntil: null });
    expect(state.lastError).toMatch(/^temporary: HTTP 500 from GET 127\.0\.0\.1/);

    expect(await poll(flowId)).toMatchObject({ pages: 1, accepted: 2, error: null });
    await expectEachRecordOnce(flowId, keysOf(8));
    expect((await pollState(flowId)).lastError).toBeNull();
  });

  it("continues from the stored cursor after a connection reset mid-poll", async () => {
    source.addItems(8);
    const { flowId } = await publishPollFlow(tokenPoll());
    source.queueFaults({ type: "ok" }, { type: "reset" });

    expect(await poll(flowId)).toMatchObject({ pages: 1, accepted: 3, stopped: "failed" });
    // A read has no effect to be unsure about: a reset is temporary, never ambiguous.
    expect(await pollState(flowId)).toMatchObject({ cursor: "o3", lastError: expect.stringMatching(/^temporary: (connection reset|socket closed)/) });

    expect(await poll(flowId)).toMatchObject({ pages: 2, accepted: 5, error: null });
    await expectEachRecordOnce(flowId, keysOf(8));
  });

  it("rolls back a page whose transaction dies after its items were written: the cursor stays, and the re-poll stores each record once", async () => {
    source.addItems(8);
    const { flowId } = await publishPollFlow(tokenPoll());
    // Raised by the page's last statement, after its events, runs and jobs were inserted: the whole page must vanish.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION fail_second_page() RETURNS trigger AS $$
      BEGIN
        IF NEW."itemsAccepted" > 3 THEN RAISE EXCEPTION 'injected crash while storing a page'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER fail_second_page BEFORE UPDATE ON "PollState" FOR EACH ROW EXECUTE FUNCTION fail_second_page()`);
    try {
      await expect(poll(flowId)).rejects.toThrow(/injected crash/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_second_page ON "PollState"`);
      await db.$executeRawUnsafe(`DROP FUNCTION fail_second_page()`);
    }
    await expectEachRecordOnce(flowId, keysOf(3));
    expect(await pollState(flowId)).toMatchObject({ cursor: "o3", itemsAccepted: 3, leaseUntil: null, lastError: expect.stringMatching(/^temporary: .*injected crash/) });

    expect(await poll(flowId)).toMatchObject({ pages: 2, accepted: 5 });
    await expectEachRecordOnce(flowId, keysOf(8));
  });

  it("waits out the lease of a poll whose worker died after committing, then continues from its cursor", async () => {
    source.addItems(8);
    const { flowId } = await publishPollFlow(tokenPoll());
    source.queueFaults({ type: "ok" }, { type: "ok" }, { type: "status", status: 503 });
    await poll(flowId);
    // What a worker that died mid-poll leaves behind: committed pages and a live lease.
    await db.$executeRaw`UPDATE "PollState" SET "leaseUntil" = (now() AT TIME ZONE 'UTC') + interval '1 hour' WHERE "flowId" = ${flowId}::uuid`;
    const requestsBefore = source.requests.length;

    expect(await poll(flowId)).toEqual({ status: "lease_held" });
    expect(source.requests.length).toBe(requestsBefore);

    await db.$executeRaw`UPDATE "PollState" SET "leaseUntil" = (now() AT TIME ZONE 'UTC') - interval '1 second' WHERE "flowId" = ${flowId}::uuid`;
    expect(await poll(flowId)).toMatchObject({ status: "polled", accepted: 2 });
    await expectEachRecordOnce(flowId, keysOf(8));
  });
});

describe("schedule trigger polling, updated-since mode", () => {
  it("advances to the greatest updatedAt, never re-runs unchanged records, and runs an updated record once more", async () => {
    source.addItems(8);
    const { flowId } = await publishPollFlow(sincePoll());

    expect(await poll(flowId)).toMatchObject({ status: "polled", accepted: 8, error: null });
    await expectEachRecordOnce(flowId, keysOf(8));
    const last = source.items[7]!;
    expect((await pollState(flowId)).cursor).toBe(last.updatedAt);

    expect(await poll(flowId)).toMatchObject({ accepted: 0 });
    await expectEachRecordOnce(flowId, keysOf(8));

    const updated = source.updateItem("rec-2");
    expect(await poll(flowId)).toMatchObject({ accepted: 1 });
    await expectEachRecordOnce(flowId, [...keysOf(8), "rec-2@2"]);
    expect((await pollState(flowId)).cursor).toBe(updated.updatedAt);
    // The update's run gets its own business key, so its calls carry their own idempotency keys instead of replaying the first version's.
    const versions = await db.event.findMany({ where: { flowId, providerEventId: { in: ["rec-2@1", "rec-2@2"] } } });
    expect(new Set(versions.map((event) => pickBusinessKey(event)))).toEqual(new Set(["event:rec-2@1", "event:rec-2@2"]));
  });

  it("starts from the trigger's configured cursor on the first poll", async () => {
    source.addItems(5);
    const { flow } = await createPublishedFlow(buildScheduleFlow({ poll: sincePoll(), cursor: source.items[2]!.updatedAt }), `Since flow ${randomUUID().slice(0, 8)}`);
    await poll(flow.id);
    await expectEachRecordOnce(flow.id, ["rec-3@1", "rec-4@1", "rec-5@1"]);
    expect(source.requests[0]!.query.since).toBe(source.items[2]!.updatedAt);
  });
});

describe("moving the poll cursor by hand", () => {
  const putCursor = async (flowId: string, body: unknown, role: "operator" | "viewer" = "operator") => {
    const { token } = await createUserWithToken(role);
    return pollCursorRoute(jsonRequest(`http://localhost/api/v1/flows/${flowId}/poll-cursor`, body, { method: "PUT", headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ flowId }),
    });
  };

  it("re-reads from an earlier cursor (unchanged records are duplicates, nothing runs twice), starts over on null, and audits each move", async () => {
    source.addItems(6);
    const { flowId } = await publishPollFlow(sincePoll());
    await poll(flowId);
    await expectEachRecordOnce(flowId, keysOf(6));

    const back = await putCursor(flowId, { cursor: source.items[3]!.updatedAt });
    expect(back.status).toBe(200);
    expect(await back.json()).toEqual({ pollState: { cursor: source.items[3]!.updatedAt } });
    source.requests.length = 0;
    // The fake source reads `since` inclusively, like many APIs: records 4 to 6 come back, and
    // record 6 once more when the poll asks for what follows it; all are duplicates.
    expect(await poll(flowId)).toMatchObject({ status: "polled", accepted: 0, duplicates: 4 });
    expect(source.requests[0]!.query.since).toBe(source.items[3]!.updatedAt);
    await expectEachRecordOnce(flowId, keysOf(6));

    expect((await putCursor(flowId, { cursor: null })).status).toBe(200);
    expect((await pollState(flowId)).cursor).toBeNull();
    const audit = await db.auditLog.findMany({ where: { action: "flow.poll_cursor", targetId: flowId }, orderBy: { at: "asc" } });
    expect(audit.map((row) => row.details)).toEqual([
      expect.objectContaining({ from: source.items[5]!.updatedAt, to: source.items[3]!.updatedAt }),
      // The re-poll had moved it forward again to the newest record.
      expect.objectContaining({ from: source.items[5]!.updatedAt, to: null }),
    ]);
  });

  it("refuses while a poll holds the lease, for a flow that does not poll, for viewers, and a malformed cursor", async () => {
    const { flowId } = await publishPollFlow(tokenPoll());
    await db.pollState.create({ data: { flowId, cursor: "p2", leaseUntil: new Date(Date.now() + 3_600_000) } });
    const busy = await putCursor(flowId, { cursor: "p1" });
    expect(busy.status).toBe(409);
    expect(JSON.stringify(await busy.json())).toContain("A poll of this flow is running");
    expect((await pollState(flowId)).cursor).toBe("p2");

    const { flow: tickOnly } = await createPublishedFlow(buildScheduleFlow({}), `Tick only ${randomUUID().slice(0, 8)}`);
    expect((await putCursor(tickOnly.id, { cursor: "x" })).status).toBe(409);
    expect((await putCursor(flowId, { cursor: "p1" }, "viewer")).status).toBe(403);
    for (const cursor of [{ page: 2 }, "", true]) expect((await putCursor(flowId, { cursor })).status).toBe(422);
    expect((await putCursor(flowId, {})).status).toBe(422);
    expect(await db.auditLog.count({ where: { action: "flow.poll_cursor", targetId: flowId } })).toBe(0);
  });
});

describe("schedule trigger polling, guards", () => {
  it("lets only one of two concurrent polls of a flow do the work", async () => {
    source.addItems(5);
    const { flowId } = await publishPollFlow(tokenPoll());
    // Slow answers keep the first poll inside its lease while the second starts.
    source.onRequest(() => new Promise((resolve) => setTimeout(resolve, 200)));

    const outcomes = await Promise.all([poll(flowId), poll(flowId)]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["lease_held", "polled"]);
    await expectEachRecordOnce(flowId, keysOf(5));
    expect(source.requests.map((request) => request.query.cursor)).toEqual(["", "o3"]);
  });

  it("keeps at most one poll job per flow queued or active (pg-boss exclusive policy, singletonKey = flow id)", async () => {
    const boss = await getBoss();
    const flowId = randomUUID();
    const first = await boss.send("flow.poll", { flowId }, { singletonKey: flowId });
    const second = await boss.send("flow.poll", { flowId }, { singletonKey: flowId });
    const other = await boss.send("flow.poll", { flowId: randomUUID() }, { singletonKey: randomUUID() });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(other).toEqual(expect.any(String));
  });

  it("does nothing for a paused flow", async () => {
    source.addItems(2);
    const { flowId, actor } = await publishPollFlow(tokenPoll());
    await setFlowStatus({ flowId, status: "paused", actor });
    expect(await poll(flowId)).toEqual({ status: "not_scheduled" });
    expect(source.requests).toHaveLength(0);
  });

  it("authenticates with the credential of credentialRef and never stores it, even in the error of a refused call", async () => {
    const token = `poll-secret-${randomUUID()}`;
    await seedCredential({ name: "source-api", secret: { type: "bearer", fields: { token } } });
    source.requireBearer(token);
    source.addItems(2);
    const { flowId } = await publishPollFlow(tokenPoll({ credentialRef: "source-api" }));
    expect(await poll(flowId)).toMatchObject({ accepted: 2, error: null });
    expect(source.requests[0]!.authorization).toBe(`Bearer ${token}`);

    source.requireBearer("something-else");
    source.addItems(1);
    expect(await poll(flowId)).toMatchObject({ stopped: "failed", error: expect.stringMatching(/^auth: HTTP 401/) });
    const stored = JSON.stringify(await db.pollState.findMany()) + JSON.stringify(await db.event.findMany({ where: { flowId } }));
    expect(stored).not.toContain(token);
  });

  it("records a permanent error and keeps the cursor when the response has no list at itemsPath", async () => {
    source.addItems(2);
    const { flowId } = await publishPollFlow(tokenPoll({ itemsPath: "data.missing" }));
    expect(await poll(flowId)).toMatchObject({ stopped: "failed", accepted: 0 });
    expect(await pollState(flowId)).toMatchObject({ cursor: null, lastError: 'permanent: The response has no list of items at "data.missing"' });
    expect(await db.event.count({ where: { flowId } })).toBe(0);
  });

  it("stops without advancing while the flow's backlog is over its limit (R5)", async () => {
    source.addItems(12);
    const { flowId } = await publishPollFlow(tokenPoll({ url: `${source.url}/records?cursor={{cursor}}&limit=12` }));
    expect(await poll(flowId)).toMatchObject({ accepted: 12 });
    // No worker runs here, so the 12 runs stay queued; the backlog count is cached for a second.
    const stopped = await waitFor(async () => {
      const outcome = await poll(flowId);
      return outcome.status === "polled" && outcome.stopped === "backlog" ? outcome : undefined;
    }, { what: "the poll to stop for backpressure" });
    expect(stopped).toMatchObject({ pages: 0, accepted: 0 });
    const cursor = (await pollState(flowId)).cursor;

    source.addItems(3);
    const requests = source.requests.length;
    expect(await poll(flowId)).toMatchObject({ stopped: "backlog" });
    expect(source.requests.length).toBe(requests);
    expect(await pollState(flowId)).toMatchObject({ cursor, lastError: expect.stringMatching(/^backpressure/) });
    expect(await db.run.count({ where: { flowId } })).toBe(12);
  });
});

describe("schedule trigger without a poll", () => {
  it("stores one event per tick, and a redelivered tick job runs once", async () => {
    const { flow } = await createPublishedFlow(buildScheduleFlow({}), `Tick flow ${randomUUID().slice(0, 8)}`);
    const tickId = randomUUID();
    expect(await pollFlow({ flowId: flow.id, tickId })).toMatchObject({ status: "polled", accepted: 1 });
    expect(await pollFlow({ flowId: flow.id, tickId })).toMatchObject({ status: "polled", accepted: 0, duplicates: 1 });
    expect(await pollFlow({ flowId: flow.id, tickId: randomUUID() })).toMatchObject({ accepted: 1 });

    const events = await eventsOf(flow.id);
    expect(events).toHaveLength(2);
    expect(events.every((event) => event.runs === 1 && event.source === `schedule:${flow.id}`)).toBe(true);
    expect(events[0]!.body).toEqual({ scheduledAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(events[0]!.key).toBe(`tick:${tickId}`);
    expect(await pollState(flow.id)).toMatchObject({ itemsAccepted: 2, lastError: null });
  });
});
