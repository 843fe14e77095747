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

const health = (query = "") => healthRoute(new Request(`http://localhost/api/health${query}`));

describe("GET /api/health", () => {
  it("stays in rotation (200, degraded) while no worker has ever beaten, and fails a probe that requires one", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, status: "degraded", checks: { database: "up", queue: "up", worker: "none" } });
    const strict = await health("?require=worker");
    expect(strict.status).toBe(503);
    expect(await strict.json()).toMatchObject({ ok: false, status: "failing", checks: { worker: "none" } });
  });

  it("answers ok while a worker beats, and degraded (503 when required) once its heartbeat is stale", async () => {
    await beatWorkerHeartbeat({ workerId: "worker-a", startedAt: new Date() });
    const healthy = await health("?require=worker");
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ ok: true, status: "ok", checks: { database: "up", queue: "up", worker: "up" } });

    // The worker died 10 minutes ago: its last beat is older than three intervals.
    await db.workerHeartbeat.update({ where: { id: "worker-a" }, data: { beatAt: new Date(Date.now() - 600_000) } });
    expect(await (await health()).json()).toMatchObject({ ok: true, status: "degraded", checks: { worker: "stale" } });
    const stale = await health("?require=worker");
    expect(stale.status).toBe(503);
    expect(await stale.json()).toMatchObject({ ok: false, status: "failing", checks: { database: "up", queue: "up", worker: "stale" } });
  });
});
