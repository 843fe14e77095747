import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { GET as listFlowsRoute, POST as createFlowRoute } from "@/app/api/v1/flows/route";
import { createUserWithToken, jsonRequest } from "@/tests/support/fixtures";

const URL_ = `${env.APP_URL}/api/v1/flows`;
const APP_ORIGIN = new URL(env.APP_URL).origin;
let cookie: string;
let token: string;

beforeAll(async () => {
  const analyst = await createUserWithToken("analyst");
  token = analyst.token;
  cookie = `next-auth.session-token=${await encode({ token: { sub: analyst.user.id }, secret: env.AUTH_SECRET! })}`;
});

afterAll(() => db.$disconnect());

const createWithCookie = async (name: string, headers: Record<string, string>) => {
  const response = await createFlowRoute(jsonRequest(URL_, { name }, { headers: { cookie, ...headers } }), undefined);
  return { status: response.status, created: await db.flow.count({ where: { name } }) };
};

describe("CSRF guard on cookie-authenticated API writes", () => {
  it.each([
    ["a cross-site fetch", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["a form post from another origin", { origin: "https://evil.example" }],
    ["a same-site sibling origin", { "sec-fetch-site": "same-site", origin: "https://admin.example" }],
    ["a request with neither Sec-Fetch-Site nor Origin", {}],
  ])("refuses %s with 403 and changes nothing", async (label, headers) => {
    const result = await createWithCookie(`csrf ${label}`, headers);
    expect(result).toEqual({ status: 403, created: 0 });
  });

  it("says why it refused", async () => {
    const response = await createFlowRoute(jsonRequest(URL_, { name: "why" }, { headers: { cookie, origin: "https://evil.example" } }), undefined);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/Cross-site request refused/);
  });

  it.each([
    ["Sec-Fetch-Site same-origin", { "sec-fetch-site": "same-origin" }],
    ["an Origin equal to APP_URL's", { origin: APP_ORIGIN }],
  ])("accepts a write from our own pages (%s)", async (label, headers) => {
    expect(await createWithCookie(`ok ${label}`, headers)).toEqual({ status: 201, created: 1 });
  });

  it("lets cross-site reads through: the attacker cannot see the answer", async () => {
    const response = await listFlowsRoute(new Request(URL_, { headers: { cookie, "sec-fetch-site": "cross-site", origin: "https://evil.example" } }), undefined);
    expect(response.status).toBe(200);
  });

  it("does not apply to API tokens, which browsers never attach on their own", async () => {
    const response = await createFlowRoute(jsonRequest(URL_, { name: "token write" }, { headers: { authorization: `Bearer ${token}`, origin: "https://evil.example" } }), undefined);
    expect(response.status).toBe(201);
  });
});
