import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { advanceRun } from "@/lib/runs/advance-run";
import { GET as listRunsRoute } from "@/app/api/v1/runs/route";
import type { FakeProvider } from "@/tests/support/fake-provider";
import { useFakeProvider } from "@/tests/support/use-fake-provider";
import { createPublishedFlow, createUserWithToken } from "@/tests/support/fixtures";
import { deliverOrder, fastDemoFlow } from "@/tests/support/operator-flows";

let crm: FakeProvider;
useFakeProvider((started) => (crm = started));

async function search(q: string) {
  const { token } = await createUserWithToken("viewer");
  const response = await listRunsRoute(new Request(`http://localhost/api/v1/runs?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${token}` } }), undefined);
  return ((await response.json()) as { runs: Array<{ id: string }> }).runs.map((run) => run.id);
}

describe("external ids", () => {
  it("stores the id the target gave the record and finds the run by it; a failed call stores none", async () => {
    const { flow } = await createPublishedFlow(fastDemoFlow(crm.url), "External ids");
    const { runId } = await deliverOrder(flow.hookKey, "ext-1");
    expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
    const record = [...crm.records.values()].find((entry) => JSON.stringify(entry.body).includes("ORD-ext-1"))!;
    const step = await db.stepRun.findFirstOrThrow({ where: { runId, kind: "http-request" } });
    expect(step.externalId).toBe(record.id);
    expect(await search(record.id)).toEqual([runId]);

    const { runId: refused } = await deliverOrder(flow.hookKey, "ext-2");
    crm.injectFaults({ type: "status", status: 422 });
    expect(await advanceRun({ runId: refused })).toEqual({ status: "failed" });
    expect((await db.stepRun.findFirstOrThrow({ where: { runId: refused, kind: "http-request" } })).externalId).toBeNull();
  });

  it("reads the id where the step's externalIdPath says (Bitrix24 answers {result: <id>}), and none where the path leads nowhere", async () => {
    const definition = fastDemoFlow(crm.url);
    const withPath = (externalIdPath: string) => ({
      ...definition,
      nodes: definition.nodes.map((node) => (node.kind === "http-request" ? { ...node, config: { ...node.config, externalIdPath } } : node)),
    });
    const externalIdAfterRun = async (externalIdPath: string, orderId: string) => {
      const { flow } = await createPublishedFlow(withPath(externalIdPath), `External ids at ${externalIdPath}`);
      const { runId } = await deliverOrder(flow.hookKey, orderId);
      expect(await advanceRun({ runId })).toEqual({ status: "succeeded" });
      return (await db.stepRun.findFirstOrThrow({ where: { runId, kind: "http-request" } })).externalId;
    };
    // The fake CRM echoes the created record, whose body carries the order id the demo maps into externalId.
    expect(await externalIdAfterRun("externalId", "ext-3")).toBe("ORD-ext-3");
    expect(await externalIdAfterRun("missing.path", "ext-4")).toBeNull();
  });
});
