import { afterEach, describe, expect, it } from "vitest";
import { registerSecrets } from "./known-secrets";
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

  // Each case hides `TRICKY` (quote, backslash, slash, plus, colon, space, non-ASCII) in a shape a sink really produces.
  const TRICKY = 'k"ey\\pa/ss+wörd: 42';
  it.each<[string, unknown]>([
    ["inside a serialised JSON line (quote and backslash escaped)", { line: JSON.stringify({ body: `echo ${TRICKY}` }) }],
    ["inside JSON serialised twice (a raw body kept as a string in a JSON log line)", { line: JSON.stringify({ raw: JSON.stringify({ key: TRICKY }) }) }],
    ["in a header tuple under a harmless name", [["x-partner", TRICKY], ["accept", "json"]]],
    ["in Node rawHeaders under a harmless name", ["X-Partner", `Token ${TRICKY}`]],
    ["URL-encoded in a path", { url: `https://api.example/bot${encodeURIComponent(TRICKY)}/sendMessage` }],
    ["URL-encoded with lowercase escapes", { url: `https://api.example/x?q=${encodeURIComponent(TRICKY).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())}` }],
    ["form-encoded in a token request body", { body: new URLSearchParams({ client_id: "c", other: TRICKY }).toString() }],
    ...[0, 1, 2, 7].map((userLength): [string, unknown] => [
      `in Basic auth base64 after a ${userLength}-character user`,
      { echoed: `Basic ${Buffer.from(`${"u".repeat(userLength)}:${TRICKY}`, "utf8").toString("base64")}`.replace("Basic ", "creds=") },
    ]),
    ["in OAuth2 client auth (form-encoded, then base64)", { echoed: Buffer.from(`client:${new URLSearchParams([["", TRICKY]]).toString().slice(1)}`).toString("base64") }],
  ])("masks a registered secret %s", (_name, input) => {
    const output = JSON.stringify(redactValue(input, { secrets: [TRICKY] }));
    for (const form of [TRICKY, JSON.stringify(TRICKY).slice(1, -1), encodeURIComponent(TRICKY), new URLSearchParams([["", TRICKY]]).toString().slice(1)]) {
      expect(output).not.toContain(form);
    }
    for (let offset = 0; offset < 3; offset += 1) {
      const encoded = Buffer.from(`${"x".repeat(offset)}${TRICKY}`, "utf8").toString("base64");
      expect(output).not.toContain(encoded.slice(4, 24));
    }
    expect(output).toContain(MASK);
  });

  it("masks a 4-character secret but leaves 3-character ones alone, which would mask half of every text", () => {
    expect(redactValue({ a: "pin 7a9Z here", b: "abc" }, { secrets: ["7a9Z", "abc"] })).toEqual({ a: `pin ${MASK} here`, b: "abc" });
  });
});

describe("registered secrets", () => {
  const releases: Array<() => void> = [];
  afterEach(() => {
    for (const release of releases.splice(0)) release();
  });

  it("are masked by every redaction without being passed, until released", () => {
    releases.push(registerSecrets([SECRET]));
    expect(redactValue({ note: `echo ${SECRET}` })).toEqual({ note: `echo ${MASK}` });
    releases.pop()!();
    expect(redactValue({ note: `echo ${SECRET}` })).toEqual({ note: `echo ${SECRET}` });
  });

  it("stay masked while any holder still holds them", () => {
    const first = registerSecrets([SECRET]);
    const second = registerSecrets([SECRET]);
    releases.push(second);
    first();
    first();
    expect(redactValue(`x ${SECRET}`)).toBe(`x ${MASK}`);
    second();
    expect(redactValue(`x ${SECRET}`)).toBe(`x ${SECRET}`);
  });
});
