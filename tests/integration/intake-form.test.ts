import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import type { FlowDefinitionInput } from "@/lib/flows/schema";
import { getBoss } from "@/lib/queue/boss";
import { executeRun } from "@/lib/runs/execute-run";
import { MASK } from "@/lib/redact/secret-names";
import { POST } from "@/app/api/hooks/[hookKey]/route";
import { createPublishedFlow } from "@/tests/support/fixtures";

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false });
  await db.$disconnect();
});

const demo = buildDemoFlowDefinition("http://127.0.0.1:9/crm/leads");
const withForm = (acceptForm: boolean): FlowDefinitionInput => ({
  ...demo,
  nodes: demo.nodes.map((node) => (node.kind === "webhook-trigger" ? { ...node, config: { ...node.config, acceptForm } } : node)),
});

const postForm = (hookKey: string, body: string) =>
  POST(new Request(`http://localhost/api/hooks/${hookKey}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }), {
    params: Promise.resolve({ hookKey }),
  });

const BITRIX_BODY = "event=ONCRMLEADADD&data%5BFIELDS%5D%5BID%5D=42&auth%5Bdomain%5D=acme.bitrix24.ru";

describe("form-encoded webhooks", () => {
  it("are accepted and stored verbatim when the flow's trigger allows them", async () => {
    const { flow } = await createPublishedFlow(withForm(true), "Bitrix leads");
    const response = await postForm(flow.hookKey, BITRIX_BODY);
    expect(response.status).toBe(202);
    const event = await db.event.findFirstOrThrow({ where: { flowId: flow.id }, include: { runs: true } });
    expect(event).toMatchObject({ contentType: "application/x-www-form-urlencoded", rawBody: BITRIX_BODY });

    // The run sees the form as nested fields, as Bitrix24 means it (its `auth` block carries the
    // application token, so the stored step output masks it).
    await executeRun({ runId: event.runs[0]!.id });
    const triggerStep = await db.stepRun.findFirstOrThrow({ where: { runId: event.runs[0]!.id, kind: "webhook-trigger" } });
    expect(triggerStep.output).toEqual({ event: "ONCRMLEADADD", data: { FIELDS: { ID: "42" } }, auth: MASK });
  });

  it("are refused with 415 and nothing stored when it does not", async () => {
    const { flow } = await createPublishedFlow(withForm(false), "JSON only");
    const response = await postForm(flow.hookKey, BITRIX_BODY);
    expect(response.status).toBe(415);
    expect(await db.event.count({ where: { flowId: flow.id } })).toBe(0);
  });

  it("refuse a prototype-polluting form with 400 and store nothing", async () => {
    const { flow } = await createPublishedFlow(withForm(true), "Hostile form");
    expect((await postForm(flow.hookKey, "__proto__%5Bx%5D=1")).status).toBe(400);
    expect(await db.event.count({ where: { flowId: flow.id } })).toBe(0);
  });
});
