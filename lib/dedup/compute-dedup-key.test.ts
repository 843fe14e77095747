import { describe, expect, it } from "vitest";
import { computeDedupKey, DedupKeyError } from "@/lib/dedup/compute-dedup-key";
import { dedupScopeOf } from "@/lib/dedup/dedup-scope-of";
import { dedupConfigSchema } from "@/lib/flows/schema";

const input = { email: "ann@example.com", order: { id: "ORD-1", total: 5 }, empty: "", tags: ["a"] };

describe("computeDedupKey", () => {
  it("evaluates a key expression", async () => {
    expect(await computeDedupKey({ key: "$lowercase(email)" }, { email: "ANN@example.com" })).toBe("ann@example.com");
    expect(await computeDedupKey({ key: "[order.id, email]" }, input)).toBe('["ORD-1","ann@example.com"]');
  });

  it("uses one key field's value as it is, several as the JSON list of their values", async () => {
    expect(await computeDedupKey({ keyFields: ["order.total"] }, input)).toBe("5");
    expect(await computeDedupKey({ keyFields: ["order.id", "email"] }, input)).toBe('["ORD-1","ann@example.com"]');
    // The same key as the equivalent expression, so switching between the two keeps existing claims.
    expect(await computeDedupKey({ keyFields: ["order.id", "email"] }, input)).toBe(await computeDedupKey({ key: "[order.id, email]" }, input));
  });

  it("has no key when the expression gives nothing or any key field is missing or empty", async () => {
    expect(await computeDedupKey({ key: "nonexistent" }, input)).toBeNull();
    expect(await computeDedupKey({ keyFields: ["email", "missing"] }, input)).toBeNull();
    expect(await computeDedupKey({ keyFields: ["empty"] }, input)).toBeNull();
  });

  it("hashes long keys like intake keys", async () => {
    expect(await computeDedupKey({ keyFields: ["long"] }, { long: "x".repeat(201) })).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("throws a DedupKeyError for an expression that fails at run time", async () => {
    await expect(computeDedupKey({ key: "$number('x')" }, input)).rejects.toThrow(DedupKeyError);
    await expect(computeDedupKey({ key: "$number('x')" }, input)).rejects.toThrow(/^Dedup key failed: /);
  });
});

describe("dedup config", () => {
  it("needs exactly one of key and keyFields, and a connector for the connector scope", () => {
    const messages = (raw: unknown) => dedupConfigSchema.safeParse(raw).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];
    expect(messages({})).toEqual(["key: Set either a key expression or key fields, not both"]);
    expect(messages({ key: "id", keyFields: ["id"] })).toEqual(["key: Set either a key expression or key fields, not both"]);
    expect(messages({ keyFields: [] })).toContain("keyFields: Pick at least one key field");
    expect(messages({ key: "id", scope: "connector" })).toEqual(["connector: Name the connector whose records this rule deduplicates"]);
    expect(dedupConfigSchema.parse({ keyFields: ["email"], scope: "connector", connector: "crm", onDuplicate: "update" })).toEqual({
      keyFields: ["email"],
      windowSeconds: 86400,
      scope: "connector",
      connector: "crm",
      onDuplicate: "update",
    });
  });

  it("scopes claims to the flow, the connector or everything", () => {
    expect(dedupScopeOf({ scope: "flow" }, "f-1")).toBe("flow:f-1");
    expect(dedupScopeOf({ scope: "connector", connector: "crm" }, "f-1")).toBe("connector:crm");
    expect(dedupScopeOf({ scope: "global" }, "f-1")).toBe("global");
  });
});
