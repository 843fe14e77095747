import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { publishVersion } from "@/lib/flows/publish-version";
import { GET as listRunsRoute } from "@/app/api/v1/runs/route";
import type { RunStatusCounts } from "@/lib/runs/count-runs-by-status";
import { createPublishedFlow, createUserWithToken } from "@/tests/support/fixtures";
import { seedRun } from "@/tests/support/seed-runs";

type Page = { runs: { id: string; status: string }[]; nextCursor: string | null; counts: RunStatusCounts };

let token: string;
let flowA: { id: string; v1: string; v2: string };
let flowB: { id: string; v1: string };
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);

async function list(query: string): Promise<{ status: number; body: Page }> {
  const response = await listRunsRoute(new Request(`http://localhost/api/v1/runs?${query}`, { headers: { authorization: `Bearer ${token}` } }), undefined);
  return { status: response.status, body: (await response.json()) as Page };
}

beforeAll(async () => {
  token = (await createUserWithToken("viewer")).token;
  const a = await createPublishedFlow(buildDemoFlowDefinition("http://127.0.0.1:9/a"), "Runs list A");
  const a2 = await publishVersion({ flowId: a.flow.id, actor: a.actor, message: "v2", environment: "production" });
  const b = await createPublishedFlow(buildDemoFlowDefinition("http://127.0.0.1:9/b"), "Runs list B");
  flowA = { id: a.flow.id, v1: a.version.id, v2: a2.id };
  flowB = { id: b.flow.id, v1: b.version.id };
});

afterAll(() => db.$disconnect());

describe("runs list filters and counts", () => {
  it("filters by flow, version, statuses, failure class, connector and time range, and counts the other statuses", async () => {
    const failedAuth = await seedRun({ flowId: flowA.id, flowVersionId: flowA.v2, status: "failed", failureClass: "auth", connectorKey: "crm@api.example.com", createdAt: at(30) });
    const failedTemp = await seedRun({ flowId: flowA.id, flowVersionId: flowA.v1, status: "failed", failureClass: "temporary", connectorKey: "other", createdAt: at(200) });
    const waiting = await seedRun({ flowId: flowA.id, flowVersionId: flowA.v2, status: "waiting_retry", failureClass: "temporary", connectorKey: "crm@api.example.com", createdAt: at(20) });
    const ok = await seedRun({ flowId: flowA.id, flowVersionId: flowA.v2, status: "succeeded", createdAt: at(10) });
    await seedRun({ flowId: flowB.id, flowVersionId: flowB.v1, status: "failed", failureClass: "auth", connectorKey: "crm@api.example.com", createdAt: at(5) });

    const ids = (page: Page) => page.runs.map((run) => run.id);
    expect(ids((await list(`flowId=${flowA.id}`)).body)).toEqual([ok.runId, waiting.runId, failedAuth.runId, failedTemp.runId]);
    expect(ids((await list(`flowId=${flowA.id}&version=1`)).body)).toEqual([failedTemp.runId]);
    expect(ids((await list(`flowId=${flowA.id}&status=failed&status=waiting_retry`)).body)).toEqual([waiting.runId, failedAuth.runId, failedTemp.runId]);
    expect(ids((await list(`flowId=${flowA.id}&status=failed,waiting_retry&failureClass=temporary`)).body)).toEqual([waiting.runId, failedTemp.runId]);
    expect(ids((await list(`flowId=${flowA.id}&connector=crm@api.example.com`)).body)).toEqual([waiting.runId, failedAuth.runId]);
    expect(ids((await list(`flowId=${flowA.id}&withoutConnector=true`)).body)).toEqual([ok.runId]);
    expect(ids((await list(`flowId=${flowA.id}&withoutConnector=false`)).body)).toHaveLength(4);
    expect(ids((await list(`flowId=${flowA.id}&from=${at(60).toISOString()}&to=${at(15).toISOString()}`)).body)).toEqual([waiting.runId, failedAuth.runId]);

    const { body } = await list(`flowId=${flowA.id}&status=failed`);
    expect(body.counts).toMatchObject({ failed: 2, waiting_retry: 1, succeeded: 1, queued: 0 });
  });

  it("refuses a bad status, a bad cursor and a bad date with 422", async () => {
    expect((await list("status=exploded")).status).toBe(422);
    expect((await list("cursor=bm90LWEtY3Vyc29y")).status).toBe(422);
    expect((await list("from=yesterday-ish")).status).toBe(422);
    expect((await list("withoutConnector=maybe")).status).toBe(422);
  });
});

describe("runs search", () => {
  it("finds a run by event id, provider event id, business key, trace id, idempotency key and run id", async () => {
    const target = await seedRun({ flowId: flowB.id, flowVersionId: flowB.v1, providerEventId: "evt-search-1", businessKey: "ORD-SEARCH-1", idempotencyKey: "idem-search-1" });
    await seedRun({ flowId: flowB.id, flowVersionId: flowB.v1, providerEventId: "evt-search-2", businessKey: "ORD-SEARCH-2" });
    for (const q of [target.eventId, "evt-search-1", "ORD-SEARCH-1", target.traceId, "idem-search-1", target.runId]) {
      const { body } = await list(`q=${encodeURIComponent(q)}`);
      expect(body.runs.map((run) => run.id), q).toEqual([target.runId]);
    }
    expect((await list("q=nothing-like-this")).body.runs).toEqual([]);
  });
});

describe("keyset pagination", () => {
  it("pages without duplicates or gaps while new runs keep arriving, ties on createdAt included", async () => {
    const flow = await createPublishedFlow(buildDemoFlowDefinition("http://127.0.0.1:9/c"), "Runs list paging");
    const tie = at(90);
    const existing: string[] = [];
    for (let index = 0; index < 23; index += 1) {
      // Every third run shares one timestamp, so the id must break ties.
      const createdAt = index % 3 === 0 ? tie : at(100 - index);
      existing.push((await seedRun({ flowId: flow.flow.id, flowVersionId: flow.version.id, createdAt })).runId);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { body }: { body: Page } = await list(`flowId=${flow.flow.id}&pageSize=5${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...body.runs.map((run) => run.id));
      cursor = body.nextCursor;
      pages += 1;
      // Arrives between page loads: newer than every cursor, so never listed on a later page.
      await seedRun({ flowId: flow.flow.id, flowVersionId: flow.version.id });
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...existing].sort());
    expect(pages).toBe(5);
  });
});
