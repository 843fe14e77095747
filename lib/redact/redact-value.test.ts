import { describe, expect, it } from "vitest";
import { redactValue } from "./redact-value";
import { MASK } from "./secret-names";

const SECRET = "sk_live_51HqZyCanary";

describe("redactValue", () => {
  it.each<[string, unknown, unknown]>([
    ["secret-named fields at any depth", { a: { b: [{ password: "p", name: "n" }] } }, { a: { b: [{ password: MASK, name: "n" }] } }],
    ["whole objects under a secret name", { credentials: { user: "u", pass: "p" } }, { credentials: MASK }],
    ["author stays visible", { author: "Ada", authToken: "t" }, { author: "Ada", authToken: MASK }],
    ["null secret fields keep showing absence", { token: null }, { token: null }],
    ["header arrays as [name, value] pairs", [["authorization", "Bearer x"], ["accept", "json"]], [["authorization", MASK], ["accept", "json"]]],
    ["Node rawHeaders", ["Host", "a", "Cookie", "sid=1"], ["Host", "a", "Cookie", MASK]],
    ["ordinary lists of names survive", { fields: ["password", "email"] }, { fields: ["password", "email"] }],
    ["bearer tokens in free text", { message: "sent Authorization: Bearer abcdefghijkl123" }, { message: `sent Authorization: Bearer ${MASK}` }],
    ["secret query params inside strings", { note: "GET https://x.io/a?api_key=zzz&b=1" }, { note: `GET https://x.io/a?api_key=${MASK}&b=1` }],
    ["secret fields inside raw JSON text", { raw: '{"client_secret":"abc","id":1}' }, { raw: `{"client_secret":"${MASK}","id":1}` }],
    ["URL passwords inside strings", { dsn: "postgres://app:pw123@db:5432/x" }, { dsn: `postgres://app:${MASK}@db:5432/x` }],
    ["primitives pass through", [1, true, null, undefined, "plain"], [1, true, null, undefined, "plain"]],
  ])("masks %s", (_name, input, expected) => {
    expect(redactValue(input)).toEqual(expected);
  });

  it("masks a registered secret inside any string, raw, URL-encoded and base64", () => {
    const secret = "p@ss w/rd+canary";
    const input = {
      text: `token is ${secret}!`,
      query: `https://x.io/?q=${encodeURIComponent(secret)}`,
      form: `q=${encodeURIComponent(secret).replace(/%20/g, "+")}`,
      basic: `Basic ${Buffer.from(`user:${secret}`).toString("base64")}`,
      plain64: Buffer.from(secret).toString("base64"),
      urlsafe64: Buffer.from(`xx${secret}`).toString("base64url"),
    };
    const output = JSON.stringify(redactValue(input, { secrets: [secret] }));
    expect(output).not.toContain(secret);
    expect(output).not.toContain(encodeURIComponent(secret));
    for (let offset = 0; offset < 3; offset += 1) {
      const core = Buffer.from(`${"x".repeat(offset)}${secret}`).toString("base64").slice(4, 16);
      expect(output).not.toContain(core);
    }
  });

  it("ignores registered secrets shorter than 4 characters", () => {
    expect(redactValue({ text: "abc abc" }, { secrets: ["abc"] })).toEqual({ text: "abc abc" });
  });

  it("replaces cycles and keeps shared siblings", () => {
    const shared = { v: 1 };
    const node: Record<string, unknown> = { name: "root", left: shared, right: shared };
    node.self = node;
    expect(redactValue(node)).toEqual({ name: "root", left: { v: 1 }, right: { v: 1 }, self: "[Circular]" });
  });

  it("stops at the depth limit", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 50; i += 1) deep = { next: deep };
    const json = JSON.stringify(redactValue(deep, { maxDepth: 5 }));
    expect(json).toContain("[MaxDepth]");
    expect(json).not.toContain("bottom");
  });

  it("serializes errors like pino and scrubs message, stack, cause and own fields", () => {
    const cause = new Error(`inner ${SECRET}`);
    const error = Object.assign(new Error(`outer ${SECRET}`, { cause }), { apiKey: SECRET, status: 500 });
    const output = redactValue(error, { secrets: [SECRET] }) as Record<string, unknown>;
    expect(output).toMatchObject({ type: "Error", message: `outer ${MASK}`, apiKey: MASK, status: 500 });
    expect(JSON.stringify(output)).not.toContain(SECRET);
  });

  it("handles Maps, Sets, URLs, Headers and binary data", () => {
    const input = {
      map: new Map([["token", "t"], ["ok", "v"]]),
      set: new Set([SECRET]),
      url: new URL(`https://x.io/?access_token=${SECRET}`),
      headers: new Headers({ authorization: "Bearer zzzzzzzzzz" }),
      bytes: Buffer.from(SECRET),
    };
    const output = redactValue(input, { secrets: [SECRET] });
    expect(output).toEqual({
      map: { token: MASK, ok: "v" },
      set: [MASK],
      url: `https://x.io/?access_token=${MASK}`,
      headers: { authorization: MASK },
      bytes: "[Binary 20 bytes]",
    });
  });

  it("does not mutate its input", () => {
    const input = { password: "p", nested: { token: "t" } };
    redactValue(input);
    expect(input).toEqual({ password: "p", nested: { token: "t" } });
  });

  it("keeps an error's scalar fields but drops objects hung on it, such as a database client", () => {
    const error = Object.assign(new Error("terminating connection"), { code: "57P01", client: { password: "pw", host: "db" } });
    const copy = redactValue(error) as Record<string, unknown>;
    expect(copy).toMatchObject({ type: "Error", message: "terminating connection", code: "57P01" });
    expect(copy).not.toHaveProperty("client");
  });
});
