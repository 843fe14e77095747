import { afterAll, describe, expect, it, vi } from "vitest";

// Small limits for this file only; set before lib/env.mjs is imported (this file runs in its own process).
vi.hoisted(() => {
  process.env.INTAKE_MAX_FLOW_BACKLOG = "3";
  process.env.INTAKE_MAX_BACKLOG = "1000";
});

import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { getBoss } from "@/lib/queue/boss";
import { POST } from "@/app/api/hooks/[hookKey]/route";
import { createPublishedFlow, jsonRequest, waitFor } from "@/tests/support/fixtures";

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});

const post = (hookKey: string, id: string) =>
  POST(jsonRequest(`http://localhost/api/hooks/${hookKey}`, { id, order: { id: `ORD-${id}` } }), { params: Promise.resolve({ hookKey }) });

describe("intake backpressure (R5)", () => {
  it("answers 429 with Retry-After while the flow's backlog is full, stores nothing, and recovers as runs start", async () => {
    const { flow } = await createPublishedFlow(buildDemoFlowDefinition("http://127.0.0.1:9/crm/leads"), "Backlogged flow");
    // No worker runs here, so every accepted run stays queued. The count is cached for a second,
    // so a burst may overshoot the limit slightly; then every new event is refused.
    let sent = 0;
    const refused = await waitFor(async () => {
      const response = await post(flow.hookKey, `evt-${(sent += 1)}`);
      return response.status === 429 ? response : undefined;
    }, { what: "a 429 once the backlog is full" });
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/Too many runs are waiting for this flow/);
    const stored = await db.event.count({ where: { flowId: flow.id } });
    expect(stored).toBeGreaterThanOrEqual(3);
    for (const id of ["x", "y", "z"]) expect((await post(flow.hookKey, id)).status).toBe(429);
    expect(await db.event.count({ where: { flowId: flow.id } })).toBe(stored);

    // The worker catches up: the queued runs start.
    await db.run.updateMany({ where: { flowId: flow.id }, data: { status: "running" } });
    const accepted = await waitFor(async () => {
      const response = await post(flow.hookKey, "e");
      return response.status === 202 ? response : undefined;
    }, { what: "intake to recover" });
    expect(accepted.status).toBe(202);
    expect(await db.event.count({ where: { flowId: flow.id } })).toBe(stored + 1);
  });
});
