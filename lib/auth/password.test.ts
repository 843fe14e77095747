import { describe, expect, it } from "vitest";
import { passwordSchema } from "@/lib/auth/password";

const message = (value: string) => passwordSchema.safeParse(value).error?.issues[0]?.message;

describe("password policy", () => {
  it("accepts 12 to 72 ASCII characters", () => {
    expect(passwordSchema.safeParse("a".repeat(12)).success).toBe(true);
    expect(passwordSchema.safeParse("a".repeat(72)).success).toBe(true);
  });

  it("refuses fewer than 12 characters", () => {
    expect(message("a".repeat(11))).toMatch(/at least 12 characters/);
  });

  it("refuses more than 128 characters", () => {
    expect(message("a".repeat(129))).toMatch(/at most 128 characters/);
  });

  it("refuses more than 72 UTF-8 bytes even under 128 characters, saying why", () => {
    // 40 characters, 80 bytes: bcrypt would silently ignore the last 8 bytes.
    expect(message("é".repeat(40))).toMatch(/at most 72 bytes.*bcrypt/);
    expect(message("a".repeat(73))).toMatch(/72 bytes/);
  });
});
