import { describe, expect, it } from "vitest";
import { formatIdempotencyKey } from "@/lib/runs/format-idempotency-key";

describe("formatIdempotencyKey", () => {
  it("sends the key as is for targets that take any token", () => {
    expect(formatIdempotencyKey("fg_abc", "token")).toBe("fg_abc");
  });

  it("turns it into the same version-5 UUID every time, different per key", () => {
    const uuid = formatIdempotencyKey("fg_abc", "uuid");
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(formatIdempotencyKey("fg_abc", "uuid")).toBe(uuid);
    expect(formatIdempotencyKey("fg_abd", "uuid")).not.toBe(uuid);
  });
});
