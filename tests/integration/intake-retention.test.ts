import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptEvent } from "@/lib/intake/accept-event";
import { pruneIntakeRecords } from "@/lib/intake/prune-intake-records";
import { getBoss } from "@/lib/queue/boss";
import { createPublishedFlow } from "@/tests/support/fixtures";
import { buildScheduleFlow } from "@/tests/support/schedule-flow";

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});

const DAY_MS = 24 * 3600 * 1000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

/** An accepted event whose dedup key was claimed `ageDays` ago. */
async function eventWithKeyAged(flow: { flowId: string; versionId: string }, ageDays: number) {
  const key = `evt-${randomUUID()}`;
  const { eventId } = await acceptEvent(
    { ...flow, environment: "production" },
    { source: `poll:${flow.flowId}`, dedupKey: key, businessKey: null, contentType: "application/json", rawBody: "{}", headers: {} },
  );
  await db.intakeKey.update({ where: { eventId }, data: { createdAt: daysAgo(ageDays) } });
  return { key, eventId };
}

async function publishedTarget() {
  const { flow, version } = await createPublishedFlow(buildScheduleFlow(), `Retention ${randomUUID().slice(0, 8)}`);
  return { flowId: flow.id, versionId: version.id };
}

describe("intake retention", () => {
  it("deletes dedup keys older than the retention, in batches, keeps younger ones and every event", async () => {
    const flow = await publishedTarget();
    const old = await Promise.all([36, 40, 100, 36.5, 50].map((age) => eventWithKeyAged(flow, age)));
    const young = await Promise.all([1, 34, 34.9].map((age) => eventWithKeyAged(flow, age)));

    const pruned = await pruneIntakeRecords({ now, batchSize: 2 });
    expect(pruned.intakeKeys).toBe(5);
    const remaining = await db.intakeKey.findMany({ where: { source: `poll:${flow.flowId}` } });
    expect(remaining.map((key) => key.key).sort()).toEqual(young.map((event) => event.key).sort());
    // Runs reference events, and an event's history outlives its dedup key.
    expect(await db.event.count({ where: { id: { in: [...old, ...young].map((event) => event.eventId) } } })).toBe(8);
  });

  it("keeps keys longer when the retention is set higher, and refuses to keep them less than 35 days", async () => {
    const flow = await publishedTarget();
    const { key } = await eventWithKeyAged(flow, 38);
    expect((await pruneIntakeRecords({ now, dedupRetentionDays: 40 })).intakeKeys).toBe(0);
    expect(await db.intakeKey.count({ where: { key } })).toBe(1);
    await expect(pruneIntakeRecords({ now, dedupRetentionDays: 34 })).rejects.toThrow(/at least 35 days/);
    expect(await db.intakeKey.count({ where: { key } })).toBe(1);
  });

  it("prunes refusal counts older than 30 days and sign-in attempts older than a day", async () => {
    const flow = await publishedTarget();
    const rejection = (age: number, reason: string) => ({ flowId: flow.flowId, minute: daysAgo(age), reason, count: 3, lastAt: daysAgo(age) });
    await db.intakeRejection.createMany({ data: [rejection(31, "bad_signature"), rejection(29, "bad_signature"), rejection(45, "missing_header")] });
    const email = `retention-${randomUUID()}@test.local`;
    await db.signInAttempt.createMany({
      data: [2, 1.5, 0.5, 0.01].map((age) => ({ email, ip: "203.0.113.9", succeeded: false, at: daysAgo(age) })),
    });

    const pruned = await pruneIntakeRecords({ now });
    expect(pruned.rejections).toBe(2);
    expect(pruned.signInAttempts).toBe(2);
    const rejections = await db.intakeRejection.findMany({ where: { flowId: flow.flowId } });
    expect(rejections.map((row) => row.minute.getTime())).toEqual([daysAgo(29).getTime()]);
    expect(await db.signInAttempt.count({ where: { email } })).toBe(2);
  });
});
