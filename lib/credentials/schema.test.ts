import { describe, expect, it } from "vitest";
import { createCredentialSchema, updateCredentialSchema } from "@/lib/credentials/schema";

const base = { name: "crm-api", environment: "sandbox" };

describe("createCredentialSchema", () => {
  it("parses a type's fields, giving blank optional fields their defaults", () => {
    const parsed = createCredentialSchema.parse({ ...base, type: "api-key-header", fields: { headerName: "", prefix: "", apiKey: "k-123" } });
    expect(parsed).toEqual({ ...base, secret: { type: "api-key-header", fields: { headerName: "X-Api-Key", prefix: "", apiKey: "k-123" } } });
  });

  it("reports a missing secret at fields.<name> as required", () => {
    const result = createCredentialSchema.safeParse({ ...base, type: "bearer", fields: { token: "  " } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["fields.token", "is required"]]);
  });

  it("drops fields the type does not have", () => {
    const parsed = createCredentialSchema.parse({ ...base, type: "bearer", fields: { token: "t-1", extra: "x" } });
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
});

describe("updateCredentialSchema", () => {
  it("accepts nothing but field strings and field names to clear", () => {
    expect(updateCredentialSchema.parse({})).toEqual({ fields: {}, clear: [] });
    expect(updateCredentialSchema.safeParse({ fields: { token: 42 } }).success).toBe(false);
  });
});
