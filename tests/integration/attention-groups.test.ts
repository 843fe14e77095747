import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { listAttentionGroups } from "@/lib/runs/list-attention-groups";
import { createPublishedFlow } from "@/tests/support/fixtures";
import { seedRun } from "@/tests/support/seed-runs";

afterAll(async () => {
  await db.$disconnect();
});

describe("needs attention (R18)", () => {
  it("groups failed and needs-review runs by flow, connector and class, with counts, first/last seen and the newest error", async () => {
    const { flow, version } = await createPublishedFlow(buildDemoFlowDefinition("http://127.0.0.1:9/crm"), "attention");
    const base = { flowId: flow.id, flowVersionId: version.id };
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 10, minute));
    await seedRun({ ...base, status: "failed", failureClass: "auth", connectorKey: "crm.example", createdAt: at(1) });
    await seedRun({ ...base, status: "failed", failureClass: "auth", connectorKey: "crm.example", createdAt: at(5) });
    await seedRun({ ...base, status: "needs_review", failureClass: "ambiguous", connectorKey: "crm.example", createdAt: at(3) });
    await seedRun({ ...base, status: "succeeded", createdAt: at(4) });
    const newest = await seedRun({ ...base, status: "failed", failureClass: "auth", connectorKey: "crm.example", createdAt: at(7) });
    await db.run.update({ where: { id: newest.runId }, data: { error: { class: "auth", code: "http_401", message: "HTTP 401 from POST crm.example" } } });

    const groups = (await listAttentionGroups()).filter((group) => group.flowId === flow.id);

    expect(groups).toEqual([
      expect.objectContaining({ connectorKey: "crm.example", failureClass: "auth", failed: 3, needsReview: 0, firstSeen: at(1), lastSeen: at(7), newestError: "HTTP 401 from POST crm.example" }),
      expect.objectContaining({ connectorKey: "crm.example", failureClass: "ambiguous", failed: 0, needsReview: 1 }),
    ]);
  });

  it("leaves out a failed run once a replay of it exists", async () => {
    const { flow, version } = await createPublishedFlow(buildDemoFlowDefinition("http://127.0.0.1:9/crm"), "attention replayed");
    const failed = await seedRun({ flowId: flow.id, flowVersionId: version.id, status: "failed", failureClass: "temporary" });
    const replay = await seedRun({ flowId: flow.id, flowVersionId: version.id, status: "succeeded" });
    await db.run.update({ where: { id: replay.runId }, data: { replayOfRunId: failed.runId } });

    expect((await listAttentionGroups()).filter((group) => group.flowId === flow.id)).toEqual([]);
  });
});
