import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "@/lib/dedup/sha256-hex";

describe("sha256Hex", () => {
  it("matches node:crypto for empty, short, block-boundary, multi-block and non-ASCII input", () => {
    const inputs = ["", "abc", "a".repeat(55), "a".repeat(56), "a".repeat(64), "x".repeat(1000), "Заказ №1 — ✓ 🚀", JSON.stringify({ k: "v".repeat(300) })];
    for (const input of inputs) expect(sha256Hex(input), JSON.stringify(input.slice(0, 20))).toBe(createHash("sha256").update(input, "utf8").digest("hex"));
  });
});
