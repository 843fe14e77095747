import { describe, expect, it } from "vitest";
import { toDedupKey } from "@/lib/dedup/to-dedup-key";

describe("toDedupKey", () => {
  it("keeps scalars as text", () => {
    expect(toDedupKey("ann@example.com")).toBe("ann@example.com");
    expect(toDedupKey(42)).toBe("42");
    expect(toDedupKey(false)).toBe("false");
  });

  it("uses the JSON of objects and lists, so composite keys work", () => {
    expect(toDedupKey(["ORD-1", "ann@example.com"])).toBe('["ORD-1","ann@example.com"]');
    expect(toDedupKey({ order: 1 })).toBe('{"order":1}');
  });

  it("hashes very long keys", () => {
    expect(toDedupKey("x".repeat(500))).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it.each([undefined, null, ""])("has no key for %j", (value) => {
    expect(toDedupKey(value)).toBeNull();
  });
});
