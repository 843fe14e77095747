import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { User } from "@/lib/generated/prisma/client";
import { CLI_ACTOR } from "@/lib/audit/acting-user";
import { buildDemoFlowDefinition } from "@/lib/flows/demo-flow";
import { exportFlow } from "@/lib/flows/export-flow";
import { importFlow } from "@/lib/flows/import-flow";
import { importIntoFlow } from "@/lib/flows/import-into-flow";
import { flowFileSchema } from "@/lib/flows/requests";
import { resolveFlowRef } from "@/lib/flows/resolve-flow-ref";
import { GET as exportRoute } from "@/app/api/v1/flows/[flowId]/export/route";
import { POST as importRoute } from "@/app/api/v1/flows/import/route";
import { POST as importIntoRoute } from "@/app/api/v1/flows/[flowId]/import/route";
import { createFlow } from "@/lib/flows/create-flow";
import { actingAs, createUserWithToken, jsonRequest } from "@/tests/support/fixtures";

const run = promisify(execFile);
const BASE = "http://localhost/api/v1";
const SECRET = "Bearer export-secret-0123456789";

let analyst: { user: User; token: string };

beforeAll(async () => {
  analyst = await createUserWithToken("analyst");
});

afterAll(() => db.$disconnect());

const auth = () => ({ authorization: `Bearer ${analyst.token}` });
const params = (flowId: string) => ({ params: Promise.resolve({ flowId }) });

/** The demo flow with a secret typed into a header, as an analyst might. */
async function flowWithSecret(name = `Export ${Math.random()}`) {
  const definition = buildDemoFlowDefinition("https://crm.example/leads");
  const send = definition.nodes.find((node) => node.id === "send")!;
  if (send.kind !== "http-request") throw new Error("demo changed");
  send.config.headers = { Authorization: SECRET };
  return createFlow({ actor: actingAs(analyst.user), input: { name, definition } });
}

describe("export and import over the API", () => {
  it("downloads the draft as a masked flowgate-flow file that imports as a new flow", async () => {
    const flow = await flowWithSecret("Orders → CRM");
    const response = await exportRoute(new Request(`${BASE}/flows/${flow.id}/export`, { headers: auth() }), params(flow.id));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="orders-crm.flowgate.json"');
    const text = await response.text();
    expect(text).not.toContain("export-secret");
    const file = flowFileSchema.parse(JSON.parse(text));
    expect(file).toMatchObject({ format: "flowgate-flow", formatVersion: 1, name: "Orders → CRM" });

    const imported = await importRoute(jsonRequest(`${BASE}/flows/import`, { ...file, name: "Copy" }, { headers: auth() }), undefined);
    expect(imported.status).toBe(201);
    const body = (await imported.json()) as { flow: { id: string; name: string; draftRevision: number }; problems: unknown[] };
    expect(body.flow).toMatchObject({ name: "Copy", draftRevision: 1 });
    expect(body.problems).toEqual([]);
    const stored = await db.flow.findUniqueOrThrow({ where: { id: body.flow.id } });
    expect(stored.draft).toEqual(file.definition);
    expect(await db.auditLog.findFirst({ where: { targetId: body.flow.id } })).toMatchObject({ action: "flow.create", details: expect.objectContaining({ origin: "import" }) });
  });

  it("refuses a bad file with 422 listing each problem with its path, and writes nothing", async () => {
    const definition = buildDemoFlowDefinition("https://crm.example/leads");
    const bad = { format: "flowgate-flow", formatVersion: 1, name: "Bad", definition: { ...definition, nodes: [definition.nodes[0], { ...definition.nodes[1], kind: "teleport" }, { ...definition.nodes[2], id: "a b" }] } };
    const before = await db.flow.count();
    const response = await importRoute(jsonRequest(`${BASE}/flows/import`, bad, { headers: auth() }), undefined);
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { message: string; details: { problems: Array<{ path: string; message: string }> } } };
    expect(error.details.problems).toEqual([
      { path: "nodes.1.kind", message: expect.stringMatching(/^Unknown node kind; expected one of webhook-trigger/) },
      { path: "nodes.2.id", message: "Node id may only contain letters, digits, _ and -" },
    ]);
    expect(error.message).toMatch(/^The file is not a valid flow: nodes\.1\.kind: Unknown node kind/);
    const notAFlow = await importRoute(jsonRequest(`${BASE}/flows/import`, { hello: "world" }, { headers: auth() }), undefined);
    expect(((await notAFlow.json()) as { error: { details: { problems: Array<{ path: string }> } } }).error.details.problems.map((problem) => problem.path)).toEqual([
      "format",
      "formatVersion",
      "name",
      "definition",
    ]);
    expect(await db.flow.count()).toBe(before);
  });

  it("replaces a flow's draft from a file under the stale-save rule, keeping the stored secrets", async () => {
    const flow = await flowWithSecret();
    const file = await exportFlow(flow.id);
    const stale = await importIntoRoute(jsonRequest(`${BASE}/flows/${flow.id}/import`, { file, expectedRevision: 5 }, { headers: auth() }), params(flow.id));
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { details: unknown } }).error.details).toEqual({ reason: "stale_draft", currentRevision: 1 });

    const response = await importIntoRoute(jsonRequest(`${BASE}/flows/${flow.id}/import`, { file, expectedRevision: 1 }, { headers: auth() }), params(flow.id));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { flow: { draftRevision: number } }).flow.draftRevision).toBe(2);
    expect(JSON.stringify((await db.flow.findUniqueOrThrow({ where: { id: flow.id } })).draft)).toContain(SECRET);
  });
});

describe("npm run flow (CLI)", () => {
  it("finds flows by id or exact name and refuses an ambiguous name", async () => {
    const one = await flowWithSecret("Unique CLI name");
    expect(await resolveFlowRef(one.id)).toBe(one.id);
    expect(await resolveFlowRef("Unique CLI name")).toBe(one.id);
    await flowWithSecret("Twice");
    await flowWithSecret("Twice");
    await expect(resolveFlowRef("Twice")).rejects.toThrow(/2 flows are named "Twice"; use an id/);
    await expect(resolveFlowRef("Nobody")).rejects.toThrow('No flow has the id or name "Nobody"');
  });

  it("audits imports by the cli actor", async () => {
    const file = await exportFlow((await flowWithSecret()).id);
    const { flow } = await importFlow({ actor: CLI_ACTOR, file });
    expect(await db.auditLog.findFirst({ where: { targetId: flow.id } })).toMatchObject({ actorId: null, actorEmail: "cli", action: "flow.create" });
    await importIntoFlow({ flowId: flow.id, actor: CLI_ACTOR, file });
    expect(await db.auditLog.count({ where: { targetId: flow.id, actorEmail: "cli" } })).toBe(2);
  });

  it("exports to a file and imports it back from the command line, with clear exit codes", async () => {
    const flow = await flowWithSecret("CLI round trip");
    const dir = await mkdtemp(path.join(tmpdir(), "flowgate-cli-"));
    const file = path.join(dir, "flow.json");
    const cli = (...args: string[]) => run(process.execPath, ["--import", "tsx", "scripts/flow.ts", ...args], { env: { ...process.env, LOG_LEVEL: "silent" } });

    expect((await cli("export", "CLI round trip", file)).stdout).toContain(`Exported "CLI round trip" (3 nodes) to ${file}`);
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ format: "flowgate-flow", name: "CLI round trip" });
    expect((await cli("import", file, "--into", flow.id)).stdout).toContain("now revision 2");

    await writeFile(file, JSON.stringify({ format: "flowgate-flow", formatVersion: 1, name: "x", definition: { schemaVersion: 1, nodes: [{ id: "t", kind: "nope", position: { x: 0, y: 0 }, config: {} }] } }));
    const refused = await cli("import", file).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining("nodes.0.kind: Unknown node kind") });
    expect(await cli("frobnicate").catch((error: { code: number }) => error.code)).toBe(2);
  }, 60_000);
});
