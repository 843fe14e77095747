import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as healthRoute } from "@/app/api/health/route";
import { beatWorkerHeartbeat } from "@/lib/health/beat-worker-heartbeat";
import { getBoss } from "@/lib/queue/boss";

beforeAll(async () => {
  // What a running web or worker process has done: pg-boss's schema exists.
  await getBoss();
});

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});

describe("GET /api/health", () => {
  it("answers 503 naming the worker while no worker has ever beaten", async () => {
    const response = await healthRoute();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "failing", checks: { database: "up", queue: "up", worker: "none" } });
  });

  it("answers 200 while a worker beats, and 503 once its heartbeat is stale", async () => {
    await beatWorkerHeartbeat({ workerId: "worker-a", startedAt: new Date() });
    const healthy = await healthRoute();
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ ok: true, status: "ok", checks: { database: "up", queue: "up", worker: "up" } });

    // The worker died 10 minutes ago: its last beat is older than three intervals.
    await db.workerHeartbeat.update({ where: { id: "worker-a" }, data: { beatAt: new Date(Date.now() - 600_000) } });
    const stale = await healthRoute();
    expect(stale.status).toBe(503);
    expect(await stale.json()).toMatchObject({ ok: false, status: "failing", checks: { database: "up", queue: "up", worker: "stale" } });
  });
});
