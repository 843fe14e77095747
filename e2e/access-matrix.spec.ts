import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { can, ROLES, type Action } from "../lib/auth/permissions";
import { E2E_ADMIN, E2E_BASE_URL } from "./support/constants";
import { SAME_ORIGIN, signInApi } from "./support/api-session";
import { createTokenViaApi, createUserViaApi, type Role } from "./support/admin-api";

// R22: every route, page and server action is checked against the permission
// table (lib/auth/permissions.ts) for every role, through the running app.
//
// ── The expectation tables ─────────────────────────────────────────────────
// Adding a route, page or server action without a row here fails this spec.
// Allowed calls use made-up ids and empty bodies so they answer 4xx and
// change nothing; give a row a `path`, `body` or `fields` when that is not enough.

const MADE_UP_ID = "00000000-0000-4000-8000-000000000000";

/** "public": no authentication at all. "session-optional": next-auth's own endpoints. */
type Access = Action | "public" | "session-optional";
type ApiRule = { access: Access; path?: string; body?: unknown };

const API_RULES: Record<string, ApiRule> = {
  "GET /api/auth/[...nextauth]": { access: "session-optional", path: "/api/auth/session" },
  "POST /api/auth/[...nextauth]": { access: "session-optional", path: "/api/auth/_log" },
  "GET /api/health": { access: "public" },
  "GET /api/metrics": { access: "queue.read" },
  "POST /api/hooks/[hookKey]": { access: "public" },
  "GET /api/v1/flows": { access: "flows.read" },
  "POST /api/v1/flows": { access: "flows.write" },
  "GET /api/v1/flows/[flowId]": { access: "flows.read" },
  "PATCH /api/v1/flows/[flowId]": { access: "flows.write" },
  "POST /api/v1/flows/[flowId]/publish": { access: "flows.publish" },
  "POST /api/v1/flows/[flowId]/status": { access: "flows.pause" },
  "PUT /api/v1/flows/[flowId]/poll-cursor": { access: "flows.pause", body: { cursor: null } },
  "GET /api/v1/flows/[flowId]/versions": { access: "flows.read" },
  "POST /api/v1/flows/[flowId]/rollback": { access: "flows.publish" },
  "PUT /api/v1/flows/[flowId]/unsigned-webhooks": { access: "flows.allow-unsigned" },
  "PUT /api/v1/flows/[flowId]/retention": { access: "flows.retention", body: { bodyRetentionDays: 14, runRetentionDays: 90 } },
  "POST /api/v1/flows/[flowId]/runs": { access: "runs.trigger", body: { payload: {} } },
  "GET /api/v1/flows/[flowId]/events": { access: "flows.read" },
  "GET /api/v1/flows/[flowId]/versions/[versionNumber]": { access: "flows.read", path: `/api/v1/flows/${MADE_UP_ID}/versions/1` },
  "GET /api/v1/flows/[flowId]/diff": { access: "flows.read", path: `/api/v1/flows/${MADE_UP_ID}/diff?from=1&to=draft` },
  "POST /api/v1/flows/[flowId]/dry-run": { access: "flows.dryrun", body: { sample: {} } },
  "GET /api/v1/flows/[flowId]/sample": { access: "flows.read" },
  "GET /api/v1/flows/[flowId]/export": { access: "flows.read" },
  "POST /api/v1/flows/import": { access: "flows.write", body: { format: "not-a-flow" } },
  "POST /api/v1/flows/[flowId]/import": { access: "flows.write", body: { file: { format: "not-a-flow" } } },
  "GET /api/v1/audit": { access: "audit.read" },
  "GET /api/v1/credentials": { access: "credentials.read" },
  "POST /api/v1/credentials": { access: "credentials.write" },
  "GET /api/v1/credentials/[credentialId]": { access: "credentials.read" },
  "PATCH /api/v1/credentials/[credentialId]": { access: "credentials.write" },
  "DELETE /api/v1/credentials/[credentialId]": { access: "credentials.write" },
  "POST /api/v1/credentials/[credentialId]/test": { access: "credentials.write" },
  "GET /api/v1/settings/outbound": { access: "settings.manage" },
  "PUT /api/v1/settings/outbound": { access: "settings.manage", body: { entries: ["not a host!!"] } },
  "GET /api/v1/runs": { access: "runs.read" },
  "GET /api/v1/runs/[runId]": { access: "runs.read" },
  "POST /api/v1/runs/[runId]/cancel": { access: "runs.cancel", body: {} },
  "POST /api/v1/runs/[runId]/retry": { access: "runs.retry", body: {} },
  "POST /api/v1/runs/[runId]/replay": { access: "runs.replay", body: { version: "same" } },
  "POST /api/v1/replays": { access: "runs.replay", body: { filter: { flowId: MADE_UP_ID }, version: "same" } },
  "GET /api/v1/replays": { access: "runs.read" },
  "GET /api/v1/replays/[replayId]": { access: "runs.read" },
  "POST /api/v1/replays/[replayId]/[action]": { access: "runs.replay", path: `/api/v1/replays/${MADE_UP_ID}/pause`, body: {} },
  "GET /api/v1/connectors": { access: "queue.read" },
  "POST /api/v1/connectors/[connectorKey]/pause": { access: "flows.pause" },
  "POST /api/v1/connectors/[connectorKey]/resume": { access: "flows.pause" },
  "GET /api/v1/alerts/rules": { access: "alerts.read" },
  "POST /api/v1/alerts/rules": { access: "alerts.manage", body: { name: "x", kind: "not-a-kind" } },
  "PATCH /api/v1/alerts/rules/[ruleId]": { access: "alerts.manage", body: { enabled: false } },
  "DELETE /api/v1/alerts/rules/[ruleId]": { access: "alerts.manage" },
  "GET /api/v1/alerts/channels": { access: "alerts.read" },
  "POST /api/v1/alerts/channels": { access: "alerts.manage", body: { name: "x", kind: "not-a-kind" } },
  "POST /api/v1/alerts/channels/[channelId]/test": { access: "alerts.manage", body: {} },
  "DELETE /api/v1/alerts/channels/[channelId]": { access: "alerts.manage" },
  "GET /api/v1/alerts/incidents": { access: "alerts.read" },
  "GET /api/v1/tokens": { access: "users.manage" },
  "POST /api/v1/tokens": { access: "users.manage" },
  "DELETE /api/v1/tokens/[tokenId]": { access: "users.manage" },
  "GET /api/v1/users": { access: "users.manage" },
  "POST /api/v1/users": { access: "users.manage" },
  "PATCH /api/v1/users/[userId]": { access: "users.manage" },
};

/** Pages under app/(app), by path; dynamic segments are filled with a made-up id (404 for allowed roles). */
const PAGE_RULES: Record<string, Action> = {
  "/": "queue.read",
  "/flows": "flows.read",
  "/flows/[flowId]": "flows.read",
  "/flows/[flowId]/edit": "flows.read",
  "/runs": "runs.read",
  "/attention": "runs.read",
  "/replays": "runs.read",
  "/connectors": "queue.read",
  "/runs/[runId]": "runs.read",
  "/users": "users.manage",
  "/audit": "audit.read",
  "/credentials": "credentials.read",
  "/credentials/new": "credentials.write",
  "/credentials/[credentialId]": "credentials.read",
  "/settings": "settings.manage",
  "/alerts": "alerts.read",
};

/** Server actions by "file#export"; `fields` are the submitted form (default: made-up ids only). */
type ActionRule = { access: Action; fields?: Record<string, string> };
const ACTION_RULES: Record<string, ActionRule> = {
  "app/(app)/flows/[flowId]/actions.ts#publishFlowAction": { access: "flows.publish" },
  "app/(app)/flows/[flowId]/actions.ts#setFlowStatusAction": { access: "flows.pause" },
  "app/(app)/flows/[flowId]/actions.ts#rollbackFlowAction": { access: "flows.publish" },
  "app/(app)/flows/[flowId]/actions.ts#setUnsignedWebhooksAction": { access: "flows.allow-unsigned" },
  "app/(app)/flows/[flowId]/actions.ts#setFlowRetentionAction": { access: "flows.retention", fields: { flowId: MADE_UP_ID, bodyRetentionDays: "14", runRetentionDays: "90" } },
  "app/(app)/flows/[flowId]/actions.ts#startManualRunAction": { access: "runs.trigger", fields: { flowId: MADE_UP_ID, payload: "{}" } },
  "app/(app)/flows/[flowId]/actions.ts#setPollCursorAction": { access: "flows.pause", fields: { flowId: MADE_UP_ID, cursor: "" } },
  "app/(app)/credentials/actions.ts#createCredentialAction": { access: "credentials.write" },
  "app/(app)/credentials/actions.ts#updateCredentialAction": { access: "credentials.write" },
  "app/(app)/credentials/actions.ts#deleteCredentialAction": { access: "credentials.write" },
  "app/(app)/credentials/actions.ts#checkConnectionAction": { access: "credentials.write" },
  "app/(app)/settings/actions.ts#updateOutboundAllowListAction": { access: "settings.manage", fields: { entries: "not a host!!" } },
  "app/(app)/settings/actions.ts#updateTrustedProxiesAction": { access: "settings.manage", fields: { trustedProxies: "many" } },
  "app/(app)/alerts/actions.ts#createAlertRuleAction": { access: "alerts.manage" },
  "app/(app)/alerts/actions.ts#createAlertChannelAction": { access: "alerts.manage" },
  "app/(app)/alerts/actions.ts#sendTestAlertAction": { access: "alerts.manage", fields: { channelId: MADE_UP_ID } },
  "app/(app)/alerts/actions.ts#updateAlertRuleAction": { access: "alerts.manage", fields: { ruleId: MADE_UP_ID, name: "x", params: "{}" } },
  "app/(app)/alerts/actions.ts#setAlertRuleEnabledAction": { access: "alerts.manage", fields: { ruleId: MADE_UP_ID, enabled: "false" } },
  "app/(app)/alerts/actions.ts#deleteAlertRuleAction": { access: "alerts.manage", fields: { ruleId: MADE_UP_ID } },
  "app/(app)/alerts/actions.ts#deleteAlertChannelAction": { access: "alerts.manage", fields: { channelId: MADE_UP_ID } },
  "app/(app)/users/actions.ts#createUserAction": { access: "users.manage" },
  "app/(app)/users/actions.ts#updateUserRoleAction": { access: "users.manage" },
  "app/(app)/users/actions.ts#setUserDisabledAction": { access: "users.manage" },
  "app/(app)/users/actions.ts#resetUserPasswordAction": { access: "users.manage" },
  "app/(app)/users/actions.ts#createApiTokenAction": { access: "users.manage" },
  "app/(app)/users/actions.ts#revokeApiTokenAction": { access: "users.manage" },
};

const DEFAULT_ACTION_FIELDS = { flowId: MADE_UP_ID, userId: MADE_UP_ID, tokenId: MADE_UP_ID, credentialId: MADE_UP_ID };

// ── Discovery from the file system and the build ──────────────────────────

const APP_DIR = path.resolve("app");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function findFiles(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return findFiles(full, name);
    return entry === name ? [full] : [];
  });
}

/** "app/(app)/flows/[flowId]/page.tsx" → "/flows/[flowId]": route groups are not part of the URL. */
function urlPattern(relativeDir: string): string {
  const segments = relativeDir.split(/[\\/]/).filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

function exportedMethods(source: string): string[] {
  const names = [
    ...[...source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g)].map((match) => match[1]),
    ...[...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((match) => (match[1] ?? "").split(",").map((part) => part.trim().split(/\s+as\s+/).pop())),
  ];
  return [...new Set(names.filter((name): name is string => !!name && HTTP_METHODS.includes(name)))].sort();
}

const API_ROUTES = findFiles(path.join(APP_DIR, "api"), "route.ts").flatMap((file) => {
  const pattern = urlPattern(path.relative(APP_DIR, path.dirname(file)));
  return exportedMethods(readFileSync(file, "utf8")).map((method) => `${method} ${pattern}`);
});

const PAGES = findFiles(path.join(APP_DIR, "(app)"), "page.tsx").map((file) => urlPattern(path.relative(APP_DIR, path.dirname(file))));

type ManifestAction = { filename: string; exportedName: string; workers: Record<string, unknown> };

/** Server actions of the build the app is running (`next build` writes this manifest). */
function builtActions(): Array<{ id: string; key: string; pagePath: string }> {
  const file = path.resolve(".next/server/server-reference-manifest.json");
  expect(existsSync(file), "the server-reference manifest of the build").toBe(true);
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestAction> };
  return Object.entries(manifest.node).map(([id, action]) => {
    const page = Object.keys(action.workers).find((worker) => worker.endsWith("/page"));
    expect(page, `a page that registers ${action.filename}#${action.exportedName}`).toBeDefined();
    return { id, key: `${action.filename}#${action.exportedName}`, pagePath: fill(urlPattern(path.relative("app", path.dirname(page!)))) };
  });
}

const fill = (pattern: string) => pattern.replace(/\[[^\]]+\]/g, MADE_UP_ID);

// ── Callers ───────────────────────────────────────────────────────────────

type Caller = { label: string; role: Role | null; context: APIRequestContext; headers: Record<string, string> };
type Outcome = "allowed" | "unauthenticated" | "forbidden";

let anonymous: APIRequestContext;
let admin: APIRequestContext;
let sessions: Record<Role, APIRequestContext>;
let tokens: Record<Role, string>;

test.beforeAll(async ({ playwright }) => {
  anonymous = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
  admin = await signInApi(playwright.request, E2E_ADMIN.email, E2E_ADMIN.password);
  const users = await Promise.all(ROLES.map((role) => createUserViaApi(admin, role, `matrix-${role}`)));
  const contexts = await Promise.all(users.map((user) => signInApi(playwright.request, user.email, user.password)));
  const secrets = await Promise.all(users.map((user) => createTokenViaApi(admin, user.id, user.role)));
  sessions = Object.fromEntries(ROLES.map((role, index) => [role, contexts[index]!])) as Record<Role, APIRequestContext>;
  tokens = Object.fromEntries(ROLES.map((role, index) => [role, secrets[index]!])) as Record<Role, string>;
});

test.afterAll(async () => {
  await Promise.all([anonymous, admin, ...Object.values(sessions ?? {})].filter(Boolean).map((context) => context.dispose()));
});

function apiCallers(): Caller[] {
  return [
    { label: "no auth", role: null, context: anonymous, headers: {} },
    ...ROLES.map((role) => ({ label: `${role} token`, role, context: anonymous, headers: { authorization: `Bearer ${tokens[role]}` } })),
    ...ROLES.map((role) => ({ label: `${role} session`, role, context: sessions[role], headers: { ...SAME_ORIGIN } })),
  ];
}

function expectedOutcome(access: Access, role: Role | null): Outcome {
  if (access === "public" || access === "session-optional") return "allowed";
  if (role === null) return "unauthenticated";
  return can(role, access) ? "allowed" : "forbidden";
}

function expectStatus(status: number, outcome: Outcome, label: string) {
  if (outcome === "unauthenticated") expect.soft(status, label).toBe(401);
  else if (outcome === "forbidden") expect.soft(status, label).toBe(403);
  else {
    expect.soft([401, 403], `${label} (got ${status})`).not.toContain(status);
    expect.soft(status, `${label}: an allowed call must not crash`).toBeLessThan(500);
  }
}

// ── API routes ────────────────────────────────────────────────────────────

test("every API route method has an expectation, and every expectation a route", () => {
  expect(API_ROUTES.length).toBeGreaterThan(10);
  expect([...API_ROUTES].sort()).toEqual(Object.keys(API_RULES).sort());
});

for (const [key, rule] of Object.entries(API_RULES)) {
  test(`API ${key} answers ${rule.access}`, async () => {
    const [method = "GET", pattern = "/"] = key.split(" ");
    const url = rule.path ?? fill(pattern);
    const hasBody = !["GET", "HEAD", "DELETE"].includes(method);
    for (const caller of apiCallers()) {
      const response = await caller.context.fetch(url, { method, headers: caller.headers, data: hasBody ? (rule.body ?? {}) : undefined, maxRedirects: 0 });
      expectStatus(response.status(), expectedOutcome(rule.access, caller.role), `${key} as ${caller.label}`);
    }
  });
}

test("a cookie-authenticated API write from another site is refused (CSRF)", async () => {
  const crossSite = await sessions.admin.post("/api/v1/flows", { data: { name: "csrf" }, headers: { origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  expect(((await crossSite.json()) as { error: { message: string } }).error.message).toMatch(/Cross-site/);
  const noOrigin = await sessions.admin.post("/api/v1/flows", { data: { name: "csrf" } });
  expect(noOrigin.status()).toBe(403);
});

// ── Pages ─────────────────────────────────────────────────────────────────

test("every page has an expectation, and every expectation a page", () => {
  expect([...PAGES].sort()).toEqual(Object.keys(PAGE_RULES).sort());
});

for (const [pattern, access] of Object.entries(PAGE_RULES)) {
  test(`page ${pattern} needs ${access}`, async () => {
    const url = fill(pattern);
    const signedOut = await anonymous.get(url, { maxRedirects: 0 });
    expect.soft([302, 303, 307], `${pattern} without a session (got ${signedOut.status()})`).toContain(signedOut.status());
    expect.soft(signedOut.headers().location ?? "", `${pattern} redirects to sign-in`).toMatch(/\/sign-in/);
    for (const role of ROLES) {
      const response = await sessions[role].get(url, { maxRedirects: 0 });
      const label = `${pattern} as ${role} (got ${response.status()})`;
      if (can(role, access)) expect.soft([200, 404], label).toContain(response.status());
      else expect.soft(response.status(), label).toBe(403);
    }
  });
}

// ── Server actions ────────────────────────────────────────────────────────

// A server action answers 200 with its form state; requirePermission's messages tell refusals apart.
const FORBIDDEN_STATE = (access: Action) => new RegExp(`may not do ${access.replace(".", "\\.")}`);
const ANY_FORBIDDEN_STATE = /may not do \w+\.\w+/;
const UNAUTHORIZED_STATE = /Sign in or send a valid API token/;

/** Invokes a server action the way React does for a form: multipart with the reply-encoded (prevState, FormData). */
async function invokeAction(context: APIRequestContext, action: { id: string; pagePath: string }, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const multipart: Record<string, string> = { "0": JSON.stringify([{ status: "idle" }, "$K1"]) };
  for (const [name, value] of Object.entries(fields)) multipart[`1_${name}`] = value;
  const response = await context.post(action.pagePath, {
    headers: { "next-action": action.id, accept: "text/x-component", ...SAME_ORIGIN, ...headers },
    multipart,
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}

test("every server action in the build has an expectation, and every expectation an action", () => {
  expect(builtActions().map((action) => action.key).sort()).toEqual(Object.keys(ACTION_RULES).sort());
});

test("server actions refuse roles without the permission", async () => {
  for (const action of builtActions()) {
    const rule = ACTION_RULES[action.key];
    if (!rule) continue; // reported by the test above
    const fields = { ...DEFAULT_ACTION_FIELDS, ...rule.fields };

    const signedOut = await invokeAction(anonymous, action, fields);
    expect.soft(signedOut.body, `${action.key} without a session`).toMatch(UNAUTHORIZED_STATE);
    // An API token is not a session: server actions ignore it.
    const viaToken = await invokeAction(anonymous, action, fields, { authorization: `Bearer ${tokens.admin}` });
    expect.soft(viaToken.body, `${action.key} with only an admin token`).toMatch(UNAUTHORIZED_STATE);

    for (const role of ROLES) {
      const { status, body } = await invokeAction(sessions[role], action, fields);
      const label = `${action.key} as ${role}`;
      expect.soft(status, `${label}: status`).toBe(200);
      expect.soft(body, `${label}: answered with a form state`).toMatch(/"status":"(ok|error)"/);
      if (can(role, rule.access)) {
        expect.soft(body, `${label} is allowed`).not.toMatch(ANY_FORBIDDEN_STATE);
        expect.soft(body, `${label} is signed in`).not.toMatch(UNAUTHORIZED_STATE);
      } else {
        expect.soft(body, `${label} is refused`).toMatch(FORBIDDEN_STATE(rule.access));
      }
    }
  }
});
