import { describe, expect, it } from "vitest";
import { secretHint } from "@/lib/credentials/secret-hint";

describe("secretHint", () => {
  it("is the last four characters of the main secret field", () => {
    expect(secretHint({ type: "bearer", fields: { token: "tok_live_0123456789abcd" } })).toBe("abcd");
    expect(secretHint({ type: "basic", fields: { username: "robot-account-name", password: "correct horse battery" } })).toBe("tery");
    expect(secretHint({ type: "webhook-signing", fields: { secret: "whsec_new_secret_WXYZ", previousSecret: "whsec_old_secret_0000" } })).toBe("WXYZ");
  });

  it("shows nothing of a secret too short to spare four characters", () => {
    expect(secretHint({ type: "bearer", fields: { token: "short-tok" } })).toBe("");
    expect(secretHint({ type: "api-key-query", fields: { paramName: "key", apiKey: "12345678901" } })).toBe("");
  });
});
