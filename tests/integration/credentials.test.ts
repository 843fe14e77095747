import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The vault's key must be in the environment before lib/env.mjs first loads.
vi.hoisted(() => {
  process.env.FLOWGATE_MASTER_KEYS = `test:${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64")}`;
});

import { db } from "@/lib/db";
import { parseKeyring } from "@/lib/credentials/keyring";
import { readCredentialSecret } from "@/lib/credentials/read-credential-secret";
import { sealSecret } from "@/lib/credentials/seal-secret";
import { updateCredential } from "@/lib/credentials/update-credential";
import { createFlow } from "@/lib/flows/create-flow";
import { updateDraft } from "@/lib/flows/update-draft";
import type { FlowDefinitionInput } from "@/lib/flows/schema";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/credentials/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/credentials/[credentialId]/route";
import { POST as testRoute } from "@/app/api/v1/credentials/[credentialId]/test/route";
import { actingAs, createPublishedFlow, createUserWithToken, jsonRequest } from "@/tests/support/fixtures";

// Changes made through an API token name the token in their audit details.
const VIA_TOKEN = expect.stringMatching(/^api token [0-9a-f-]{36}$/);

const BASE = "http://localhost/api/v1/credentials";
/** Where the credentials made here may be sent; every type that authenticates calls needs at least one. */
const HOSTS = ["api.example.com"];
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const params = (credentialId: string) => ({ params: Promise.resolve({ credentialId }) });
const canary = (label: string) => `canary-${label}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;

type Mask = { id: string; name: string; type: string; environment: string; hint: string; allowedHosts: string[]; createdBy: string | null; updatedBy: string | null };
type ErrorBody = { error: { code: string; message: string; details?: { flows?: Array<{ flowId: string; flowName: string }> } } };

let admin: { token: string; email: string; userId: string };
let analystToken: string;
let operatorToken: string;
let viewerToken: string;

beforeAll(async () => {
  const [a, analyst, operator, viewer] = await Promise.all((["admin", "analyst", "operator", "viewer"] as const).map((role) => createUserWithToken(role)));
  admin = { token: a!.token, email: a!.user.email, userId: a!.user.id };
  analystToken = analyst!.token;
  operatorToken = operator!.token;
  viewerToken = viewer!.token;
});

afterAll(() => db.$disconnect());

const adminActor = () => actingAs({ id: admin.userId, email: admin.email });

async function create(body: unknown, token = admin.token) {
  const response = await createRoute(jsonRequest(BASE, body, { headers: bearer(token) }), undefined);
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as { credential: Mask } & ErrorBody };
}

async function patch(id: string, body: unknown, token = admin.token) {
  const response = await patchRoute(jsonRequest(`${BASE}/${id}`, body, { method: "PATCH", headers: bearer(token) }), params(id));
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as { credential: Mask } & ErrorBody };
}

async function auditOf(id: string) {
  return db.auditLog.findMany({ where: { targetId: id }, orderBy: { id: "asc" } });
}

describe("creating credentials", () => {
  it("seals the fields and answers, lists and shows only the mask", async () => {
    const secret = canary("create");
    const created = await create({ name: "crm-api", environment: "production", type: "api-key-header", allowedHosts: HOSTS, fields: { headerName: "X-Crm-Key", apiKey: secret } });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(secret);
    expect(created.json.credential).toMatchObject({ name: "crm-api", environment: "production", type: "api-key-header", hint: `••••${secret.slice(-4)}`, createdBy: admin.email, updatedBy: admin.email });
    expect(Object.keys(created.json.credential).sort()).toEqual(["allowedHosts", "createdAt", "createdBy", "environment", "hint", "id", "name", "type", "updatedAt", "updatedBy"]);
    expect(created.json.credential.allowedHosts).toEqual(HOSTS);
    const id = created.json.credential.id;

    const list = await listRoute(new Request(BASE, { headers: bearer(admin.token) }), undefined);
    const listText = await list.text();
    expect(list.status).toBe(200);
    expect(listText).toContain(id);
    expect(listText).not.toContain(secret);
    const one = await getRoute(new Request(`${BASE}/${id}`, { headers: bearer(admin.token) }), params(id));
    expect(one.status).toBe(200);
    expect(await one.text()).not.toContain(secret);

    // The worker's call-time reader gets the parsed fields back.
    expect(await readCredentialSecret({ name: "crm-api", environment: "production" })).toEqual({
      id,
      name: "crm-api",
      environment: "production",
      allowedHosts: HOSTS,
      type: "api-key-header",
      fields: { headerName: "X-Crm-Key", prefix: "", apiKey: secret },
    });
  });

  it("keeps the ciphertext out of ordinary queries and the plaintext out of the row", async () => {
    const secret = canary("row");
    const { json } = await create({ name: "row-check", environment: "sandbox", type: "bearer", allowedHosts: HOSTS, fields: { token: secret } });
    const row = await db.credential.findUniqueOrThrow({ where: { id: json.credential.id } });
    expect(row).not.toHaveProperty("ciphertext");
    const [raw] = await db.$queryRaw<Array<{ ciphertext: Uint8Array; keyId: string }>>`SELECT ciphertext, "keyId" FROM "Credential" WHERE id = ${json.credential.id}::uuid`;
    expect(raw!.keyId).toBe("test");
    const bytes = Buffer.from(raw!.ciphertext);
    expect(bytes.length).toBeGreaterThan(12 + 16);
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect(bytes.toString("latin1")).not.toContain(secret.slice(-8));
  });

  it("audits the creation without any secret value", async () => {
    const secret = canary("audit");
    const { json } = await create({ name: "audited", environment: "sandbox", type: "basic", allowedHosts: HOSTS, fields: { username: "robot", password: secret } });
    const audit = await auditOf(json.credential.id);
    expect(audit.map((row) => [row.action, row.outcome, row.actorEmail])).toEqual([["credential.create", "success", admin.email]]);
    expect(audit[0]!.details).toEqual({ name: "audited", environment: "sandbox", type: "basic", allowedHosts: HOSTS, via: VIA_TOKEN });
    expect(JSON.stringify(await db.auditLog.findMany({ select: { details: true } }))).not.toContain(secret);
  });

  it("keeps names unique per environment, so one name can exist in both", async () => {
    const first = await create({ name: "shared-name", environment: "sandbox", type: "bearer", allowedHosts: HOSTS, fields: { token: canary("s") } });
    expect(first.status).toBe(201);
    const again = await create({ name: "shared-name", environment: "sandbox", type: "bearer", allowedHosts: HOSTS, fields: { token: canary("s2") } });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/sandbox credential named "shared-name" already exists/);
    const production = await create({ name: "shared-name", environment: "production", type: "bearer", allowedHosts: HOSTS, fields: { token: "production-token-value" } });
    expect(production.status).toBe(201);
    expect((await readCredentialSecret({ name: "shared-name", environment: "production" })).fields).toEqual({ token: "production-token-value" });
  });

  it.each([
    ["a missing secret", { name: "x-missing", environment: "sandbox", type: "bearer", allowedHosts: HOSTS, fields: {} }, /fields\.token: is required/],
    ["an unknown type", { name: "x-type", environment: "sandbox", type: "ftp", fields: {} }, /type must be one of/],
    ["a bad name", { name: "Bad Name", environment: "sandbox", type: "bearer", allowedHosts: HOSTS, fields: { token: "t" } }, /name: use lowercase letters/],
    ["no environment", { name: "x-env", type: "bearer", allowedHosts: HOSTS, fields: { token: "t" } }, /environment: must be sandbox or production/],
    ["a bearer token without allowed hosts", { name: "x-hosts", environment: "sandbox", type: "bearer", fields: { token: "t" } }, /allowedHosts: list at least one host/],
    [
      "an allowed host written as a URL",
      { name: "x-url-host", environment: "sandbox", type: "bearer", allowedHosts: ["api.example.com", "https://evil.example/x"], fields: { token: "t" } },
      /allowedHosts: Entry 2 \("https:\/\/evil\.example\/x"\): write the host without a scheme/,
    ],
    ["allowed hosts on a secret URL", { name: "x-secret-url", environment: "sandbox", type: "secret-url", allowedHosts: HOSTS, fields: { url: "https://b24.example/rest/1/abc/" } }, /only ever sent to its own host/],
  ])("refuses %s with a readable 422 and stores nothing", async (_label, body, message) => {
    const before = await db.credential.count();
    const response = await create(body);
    expect(response.status).toBe(422);
    expect(response.json.error.message).toMatch(message);
    expect(await db.credential.count()).toBe(before);
  });
});

describe("who may see and change credentials", () => {
  it("lets an analyst read masks but not write; operators and viewers get 403", async () => {
    const { json } = await create({ name: "roles", environment: "sandbox", type: "bearer", allowedHosts: HOSTS, fields: { token: canary("roles") } });
    expect((await listRoute(new Request(BASE, { headers: bearer(analystToken) }), undefined)).status).toBe(200);
    expect((await getRoute(new Request(`${BASE}/${json.credential.id}`, { headers: bearer(analystToken) }), params(json.credential.id))).status).toBe(200);
    expect((await create({ name: "by-analyst", environment: "sandbox", type: "bearer", allowedHosts: HOSTS, fields: { token: "t" } }, analystToken)).status).toBe(403);
    expect((await patch(json.credential.id, { fields: { token: "new" } }, analystToken)).status).toBe(403);
    const deleted = await deleteRoute(new Request(`${BASE}/${json.credential.id}`, { method: "DELETE", headers: bearer(analystToken) }), params(json.credential.id));
    expect(deleted.status).toBe(403);
    for (const token of [operatorToken, viewerToken]) {
      expect((await listRoute(new Request(BASE, { headers: bearer(token) }), undefined)).status).toBe(403);
    }
    expect((await listRoute(new Request(BASE), undefined)).status).toBe(401);
    expect(await readCredentialSecret({ name: "roles", environment: "sandbox" })).toBeTruthy();
  });

  it("filters the list by environment", async () => {
    const sandbox = await listRoute(new Request(`${BASE}?environment=sandbox`, { headers: bearer(admin.token) }), undefined);
    const { credentials } = (await sandbox.json()) as { credentials: Mask[] };
    expect(credentials.length).toBeGreaterThan(0);
    expect(new Set(credentials.map((c) => c.environment))).toEqual(new Set(["sandbox"]));
    expect((await listRoute(new Request(`${BASE}?environment=staging`, { headers: bearer(admin.token) }), undefined)).status).toBe(422);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    expect((await getRoute(new Request(`${BASE}/x`, { headers: bearer(admin.token) }), params("not-a-uuid"))).status).toBe(404);
    expect((await getRoute(new Request(`${BASE}/x`, { headers: bearer(admin.token) }), params("00000000-0000-4000-8000-000000000000"))).status).toBe(404);
  });
});

describe("updating credentials", () => {
  it("keeps blank secrets, audits a new secret as a rotation and other changes as an update", async () => {
    const first = canary("first");
    const { json } = await create({ name: "oauth-crm", environment: "sandbox", type: "oauth2-client-credentials", allowedHosts: HOSTS, fields: { tokenUrl: "https://auth.example.com/token", clientId: "client-1", clientSecret: first } });
    const id = json.credential.id;

    const config = await patch(id, { fields: { clientId: "client-2", clientSecret: "", scopes: "crm.read crm.write" } });
    expect(config.status).toBe(200);
    expect(config.json.credential.hint).toBe(`••••${first.slice(-4)}`);
    expect((await readCredentialSecret({ name: "oauth-crm", environment: "sandbox" })).fields).toMatchObject({ clientId: "client-2", clientSecret: first, scopes: "crm.read crm.write" });

    const second = canary("second");
    const rotated = await patch(id, { fields: { clientSecret: second } });
    expect(rotated.status).toBe(200);
    expect(rotated.text).not.toContain(second);
    expect(rotated.json.credential.hint).toBe(`••••${second.slice(-4)}`);
    expect((await readCredentialSecret({ name: "oauth-crm", environment: "sandbox" })).fields).toMatchObject({ clientId: "client-2", clientSecret: second });

    const unchanged = await patch(id, { fields: { clientSecret: "", clientId: "" } });
    expect(unchanged.status).toBe(200);

    const audit = await auditOf(id);
    expect(audit.map((row) => [row.action, row.details])).toEqual([
      ["credential.create", { name: "oauth-crm", environment: "sandbox", type: "oauth2-client-credentials", allowedHosts: HOSTS, via: VIA_TOKEN }],
      ["credential.update", { name: "oauth-crm", environment: "sandbox", fields: ["clientId", "scopes"], via: VIA_TOKEN }],
      ["credential.rotate", { name: "oauth-crm", environment: "sandbox", fields: ["clientSecret"], via: VIA_TOKEN }],
    ]);
    const details = JSON.stringify(audit.map((row) => row.details));
    expect(details).not.toContain(first);
    expect(details).not.toContain(second);
  });

  it("replaces the allowed hosts without re-entering the secret and audits the lists before and after", async () => {
    const secret = canary("hosts");
    const { json } = await create({ name: "hosts-crm", environment: "production", type: "bearer", allowedHosts: HOSTS, fields: { token: secret } });
    const id = json.credential.id;

    const replaced = await patch(id, { allowedHosts: ["CRM.example.com", "*.crm.example.com:8443"] });
    expect(replaced.status).toBe(200);
    expect(replaced.json.credential).toMatchObject({ allowedHosts: ["crm.example.com", "*.crm.example.com:8443"], hint: `••••${secret.slice(-4)}` });
    expect(await readCredentialSecret({ name: "hosts-crm", environment: "production" })).toMatchObject({
      allowedHosts: ["crm.example.com", "*.crm.example.com:8443"],
      fields: { token: secret },
    });
    expect((await patch(id, { allowedHosts: ["crm.example.com", "*.crm.example.com:8443"] })).status).toBe(200);

    const emptied = await patch(id, { allowedHosts: [] });
    expect(emptied.status).toBe(422);
    expect(emptied.json.error.message).toMatch(/allowedHosts: list at least one host/);
    const invalid = await patch(id, { allowedHosts: ["crm.example.com/leads"] });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error.message).toMatch(/Entry 1 \("crm\.example\.com\/leads"\): write a single host without a path/);

    const audit = await auditOf(id);
    expect(audit.map((row) => [row.action, row.details])).toEqual([
      ["credential.create", { name: "hosts-crm", environment: "production", type: "bearer", allowedHosts: HOSTS, via: VIA_TOKEN }],
      [
        "credential.update",
        { name: "hosts-crm", environment: "production", fields: [], allowedHosts: { before: HOSTS, after: ["crm.example.com", "*.crm.example.com:8443"] }, via: VIA_TOKEN },
      ],
    ]);
  });

  it("refuses allowed hosts on a credential that is never sent to a host of its own choosing", async () => {
    const { json } = await create({ name: "hosts-signing", environment: "sandbox", type: "webhook-signing", fields: { secret: canary("sig") } });
    expect(json.credential.allowedHosts).toEqual([]);
    const refused = await patch(json.credential.id, { allowedHosts: HOSTS });
    expect(refused.status).toBe(422);
    expect(refused.json.error.message).toMatch(/never sent anywhere/);
  });

  it("lets a credential from before allowed hosts have its secret replaced while its list stays empty", async () => {
    const { json } = await create({ name: "legacy-crm", environment: "sandbox", type: "bearer", allowedHosts: HOSTS, fields: { token: canary("old") } });
    await db.credential.update({ where: { id: json.credential.id }, data: { allowedHosts: [] } });
    const rotated = await patch(json.credential.id, { fields: { token: canary("new") }, allowedHosts: [] });
    expect(rotated.status).toBe(200);
    expect(rotated.json.credential.allowedHosts).toEqual([]);
  });

  it("clears an optional field on request and refuses fields the type does not have", async () => {
    const { json } = await create({ name: "signing", environment: "sandbox", type: "webhook-signing", fields: { secret: canary("new"), previousSecret: canary("old") } });
    const id = json.credential.id;
    expect((await patch(id, { clear: ["previousSecret"] })).status).toBe(200);
    expect((await readCredentialSecret({ name: "signing", environment: "sandbox" })).fields).not.toHaveProperty("previousSecret");

    const unknown = await patch(id, { fields: { token: "x" } });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.message).toMatch(/no field token/);
    const required = await patch(id, { clear: ["secret"] });
    expect(required.status).toBe(422);
    expect(required.json.error.message).toMatch(/fields\.secret: is required/);
  });

  it("applies concurrent edits of different fields without losing any", async () => {
    const { json } = await create({ name: "concurrent", environment: "sandbox", type: "oauth2-client-credentials", allowedHosts: HOSTS, fields: { tokenUrl: "https://a.example.com/t", clientId: "c0", clientSecret: "s0-initial-secret" } });
    const actor = { userId: admin.userId, email: admin.email };
    const edits = { tokenUrl: "https://b.example.com/t", clientId: "c1", clientSecret: "s1-rotated-secret", scopes: "read write", clientAuth: "body" };
    await Promise.all(Object.entries(edits).map(([name, value]) => updateCredential({ actor, credentialId: json.credential.id, fields: { [name]: value }, clear: [] })));
    // Each edit read, merged and wrote the whole record: without the row lock, later writers overwrite earlier ones with stale copies.
    expect((await readCredentialSecret({ name: "concurrent", environment: "sandbox" })).fields).toEqual(edits);
    expect(await db.auditLog.count({ where: { targetId: json.credential.id, action: { in: ["credential.update", "credential.rotate"] } } })).toBe(5);
  });
});

/** A published flow: signed webhook → HTTP call with a credential. */
function signedFlow(signingRef: string, callRef: string): FlowDefinitionInput {
  return {
    schemaVersion: 1,
    nodes: [
      { id: "hook", kind: "webhook-trigger", position: { x: 0, y: 0 }, config: { signature: { scheme: "github", credentialRef: signingRef } } },
      { id: "send", kind: "http-request", position: { x: 300, y: 0 }, config: { url: "https://crm.example.com/leads", credentialRef: callRef } },
    ],
    edges: [{ id: "hook-send", source: "hook", target: "send" }],
  };
}

/** A draft with a lookup that uses a credential, and a mapping that only mentions the name as text. */
function lookupDraft(lookupRef: string, mentioned: string): FlowDefinitionInput {
  return {
    schemaVersion: 1,
    nodes: [
      { id: "manual", kind: "manual-trigger", position: { x: 0, y: 0 }, config: {} },
      { id: "map", kind: "map-fields", position: { x: 200, y: 0 }, config: { mappings: [{ target: "note", source: "x", default: mentioned }] } },
      { id: "find", kind: "lookup", position: { x: 400, y: 0 }, config: { url: "https://crm.example.com/find", credentialRef: lookupRef } },
    ],
    edges: [
      { id: "manual-map", source: "manual", target: "map" },
      { id: "map-find", source: "map", target: "find" },
    ],
  };
}

describe("a credential sealed with a key that is no longer configured", () => {
  it("refuses a partial edit with a clear 409 and accepts a full replacement", async () => {
    const { json } = await create({ name: "orphaned", environment: "sandbox", type: "bearer", allowedHosts: HOSTS, fields: { token: canary("old") } });
    const id = json.credential.id;
    // Re-seal the row under a key id the running keyring does not know, as if that key had been removed.
    const gone = parseKeyring(`gone:${Buffer.alloc(32, 7).toString("base64")}`);
    const sealed = sealSecret(JSON.stringify({ token: canary("old") }), { credentialId: id, type: "bearer" }, gone);
    await db.credential.update({ where: { id }, data: { keyId: sealed.keyId, ciphertext: new Uint8Array(sealed.ciphertext) } });

    const partial = await patch(id, { fields: {} });
    expect(partial.status).toBe(409);
    expect(partial.json.error.message).toMatch(/can no longer be opened.*enter every field/);

    const fresh = canary("new");
    expect((await patch(id, { fields: { token: fresh } })).status).toBe(200);
    expect(await readCredentialSecret({ name: "orphaned", environment: "sandbox" })).toMatchObject({ fields: { token: fresh } });
  });
});

describe("usage and deletion", () => {
  it("finds the flows whose draft or published version refer to a name, and only those", async () => {
    const signing = await create({ name: "hook-signing", environment: "production", type: "webhook-signing", fields: { secret: canary("sig") } });
    const calling = await create({ name: "lead-api", environment: "production", type: "bearer", allowedHosts: HOSTS, fields: { token: canary("lead") } });
    const { flow: published } = await createPublishedFlow(signedFlow("hook-signing", "lead-api"), "Signed leads");
    const drafted = await createFlow({ actor: adminActor(), input: { name: "Lookup draft", definition: lookupDraft("lead-api", "hook-signing") } });

    const usage = async (id: string) => {
      const response = await getRoute(new Request(`${BASE}/${id}`, { headers: bearer(analystToken) }), params(id));
      return ((await response.json()) as { usage: Array<{ flowId: string; inDraft: boolean; published: { number: number; environment: string } | null }> }).usage;
    };
    expect(await usage(signing.json.credential.id)).toEqual([{ flowId: published.id, flowName: "Signed leads", inDraft: true, published: { number: 1, environment: "production" } }]);
    expect(await usage(calling.json.credential.id)).toEqual([
      { flowId: drafted.id, flowName: "Lookup draft", inDraft: true, published: null },
      { flowId: published.id, flowName: "Signed leads", inDraft: true, published: { number: 1, environment: "production" } },
    ]);
  });

  it("refuses to delete a credential in use (409 naming the flows), and deletes it once unused", async () => {
    const { json } = await create({ name: "soon-unused", environment: "sandbox", type: "bearer", allowedHosts: HOSTS, fields: { token: canary("del") } });
    const id = json.credential.id;
    const flow = await createFlow({ actor: adminActor(), input: { name: "Uses soon-unused", definition: lookupDraft("soon-unused", "x") } });
    const del = () => deleteRoute(new Request(`${BASE}/${id}`, { method: "DELETE", headers: bearer(admin.token) }), params(id));

    const refused = await del();
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.message).toContain('"Uses soon-unused"');
    expect(body.error.details?.flows?.map((f) => f.flowId)).toEqual([flow.id]);
    expect(await db.credential.count({ where: { id } })).toBe(1);

    await updateDraft({ flowId: flow.id, actor: adminActor(), input: { definition: lookupDraft("something-else", "soon-unused") } });
    expect((await del()).status).toBe(204);
    expect(await db.credential.count({ where: { id } })).toBe(0);
    expect((await auditOf(id)).map((row) => row.action)).toEqual(["credential.create", "credential.delete"]);
    expect((await del()).status).toBe(404);
  });
});

describe("test connection", () => {
  it("answers the probe's outcome and audits it", async () => {
    const { json } = await create({ name: "probe", environment: "sandbox", type: "bearer", allowedHosts: HOSTS, fields: { token: canary("probe") } });
    const id = json.credential.id;
    const response = await testRoute(jsonRequest(`${BASE}/${id}/test`, { url: "https://api.example.com/me" }, { headers: bearer(admin.token) }), params(id));
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: { ok: boolean; failureClass?: string; code?: string } };
    const audit = (await auditOf(id)).filter((row) => row.action === "credential.test");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.outcome).toBe(result.ok ? "success" : "failure");
    if (!result.ok) expect(audit[0]!.details).toMatchObject({ name: "probe", failureClass: result.failureClass, code: result.code });

    expect((await testRoute(jsonRequest(`${BASE}/${id}/test`, { url: "ftp://x" }, { headers: bearer(admin.token) }), params(id))).status).toBe(422);
    expect((await testRoute(jsonRequest(`${BASE}/${id}/test`, {}, { headers: bearer(analystToken) }), params(id))).status).toBe(403);
  });
});
