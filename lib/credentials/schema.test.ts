import { describe, expect, it } from "vitest";
import { createCredentialSchema, updateCredentialSchema } from "@/lib/credentials/schema";

const base = { name: "crm-api", environment: "sandbox" };
const hosts = { allowedHosts: ["api.example.com"] };

describe("createCredentialSchema", () => {
  it("parses a type's fields, giving blank optional fields their defaults", () => {
    const parsed = createCredentialSchema.parse({ ...base, ...hosts, type: "api-key-header", fields: { headerName: "", prefix: "", apiKey: "k-123" } });
    expect(parsed).toEqual({ ...base, ...hosts, secret: { type: "api-key-header", fields: { headerName: "X-Api-Key", prefix: "", apiKey: "k-123" } } });
  });

  it("reports a missing secret at fields.<name> as required", () => {
    const result = createCredentialSchema.safeParse({ ...base, ...hosts, type: "bearer", fields: { token: "  " } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["fields.token", "is required"]]);
  });

  it("drops fields the type does not have", () => {
    const parsed = createCredentialSchema.parse({ ...base, ...hosts, type: "bearer", fields: { token: "t-1", extra: "x" } });
    expect(parsed.secret.fields).toEqual({ token: "t-1" });
  });

  it.each([
    ["an unknown type", { ...base, type: "ftp", fields: {} }, "type"],
    ["a name with capitals", { ...base, name: "CRM", type: "bearer", fields: { token: "t" } }, "name"],
    ["an unknown environment", { ...base, environment: "staging", type: "bearer", fields: { token: "t" } }, "environment"],
    ["a token URL that is not http(s)", { ...base, type: "oauth2-client-credentials", fields: { tokenUrl: "ftp://x", clientId: "c", clientSecret: "s" } }, "fields.tokenUrl"],
  ])("refuses %s", (_label, input, path) => {
    const result = createCredentialSchema.safeParse(input);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
  });

  it.each(["api-key-header", "api-key-query", "bearer", "basic", "oauth2-client-credentials"])("requires at least one allowed host for a %s credential", (type) => {
    for (const allowedHosts of [undefined, [], ["", "  "]]) {
      const result = createCredentialSchema.safeParse({ ...base, type, fields: {}, allowedHosts });
      expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: ["allowedHosts"], message: expect.stringMatching(/at least one host/) }));
    }
  });

  it("stores allowed hosts canonical, once each, skipping blank lines", () => {
    const parsed = createCredentialSchema.parse({ ...base, type: "bearer", fields: { token: "t" }, allowedHosts: ["API.example.com", "", "*.Bücher.example:8443", "api.example.com"] });
    expect(parsed.allowedHosts).toEqual(["api.example.com", "*.xn--bcher-kva.example:8443"]);
  });

  it("numbers each refused entry by its line, blank lines included", () => {
    const result = createCredentialSchema.safeParse({ ...base, type: "bearer", fields: { token: "t" }, allowedHosts: ["api.example.com", "", "https://evil.example/x", "a b"] });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["allowedHosts", 'Entry 3 ("https://evil.example/x"): write the host without a scheme, e.g. api.example.com rather than https://api.example.com/'],
      ["allowedHosts", expect.stringMatching(/^Entry 4 \("a b"\): not a host name/)],
    ]);
  });

  it.each([
    ["secret-url", { url: "https://b24.example/rest/1/abc/" }, /only ever sent to its own host/],
    ["webhook-signing", { secret: "whsec" }, /never sent anywhere/],
    ["smtp", { host: "smtp.example.com", username: "u", password: "p", from: "alerts@example.com" }, /only ever sent to its own server/],
  ])("takes no allowed hosts for a %s credential", (type, fields, message) => {
    expect(createCredentialSchema.parse({ ...base, type, fields }).allowedHosts).toEqual([]);
    const result = createCredentialSchema.safeParse({ ...base, type, fields, ...hosts });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["allowedHosts"], message: expect.stringMatching(message) })]);
  });
});

describe("smtp credential", () => {
  const fields = { host: " SMTP.Example.com ", username: "alerts", password: "pw", from: "alerts@example.com" };

  it("defaults to STARTTLS with the port left to the mode, and takes the port as the form's text", () => {
    const parsed = createCredentialSchema.parse({ ...base, type: "smtp", fields: { ...fields, port: "" } });
    expect(parsed.secret).toEqual({ type: "smtp", fields: { host: "smtp.example.com", security: "starttls", username: "alerts", password: "pw", from: "alerts@example.com" } });
    expect(createCredentialSchema.parse({ ...base, type: "smtp", fields: { ...fields, port: "465", security: "tls" } }).secret.fields).toMatchObject({ port: 465, security: "tls" });
  });

  it.each([
    [{ host: "smtp://smtp.example.com" }, "host"],
    [{ host: "smtp.example.com:25" }, "host"],
    [{ port: "70000" }, "port"],
    [{ security: "ssl" }, "security"],
    [{ from: "not an address" }, "from"],
    [{ password: "" }, "password"],
  ])("refuses %j", (change, field) => {
    const result = createCredentialSchema.safeParse({ ...base, type: "smtp", fields: { ...fields, ...change } });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(`fields.${field}`);
  });
});

describe("updateCredentialSchema", () => {
  it("accepts nothing but field strings and field names to clear", () => {
    expect(updateCredentialSchema.parse({})).toEqual({ fields: {}, clear: [] });
    expect(updateCredentialSchema.parse({ allowedHosts: ["Api.Example.com"] })).toEqual({ fields: {}, clear: [], allowedHosts: ["api.example.com"] });
    expect(updateCredentialSchema.safeParse({ fields: { token: 42 } }).success).toBe(false);
  });
});
