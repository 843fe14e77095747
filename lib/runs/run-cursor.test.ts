import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decodeRunCursor, encodeRunCursor } from "@/lib/runs/run-cursor";

describe("run cursor", () => {
  it("round-trips the sort key at millisecond precision", () => {
    const key = { createdAt: new Date("2026-11-24T12:00:00.123Z"), id: "0b6f2c7e-8f1a-4c55-9d7e-3a2b1c0d9e8f" };
    const cursor = encodeRunCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeRunCursor(cursor)).toEqual(key);
  });

  it.each(["", "bm90LWEtY3Vyc29y", Buffer.from("2026-01-01T00:00:00Z|not-a-uuid").toString("base64url"), Buffer.from("garbage|0b6f2c7e-8f1a-4c55-9d7e-3a2b1c0d9e8f").toString("base64url")])(
    "refuses a tampered cursor %j as a validation error",
    (cursor) => {
      expect(() => decodeRunCursor(cursor)).toThrow(AppError);
    },
  );
});
