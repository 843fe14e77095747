import { describe, expect, it } from "vitest";
import { registerSecrets } from "./known-secrets";
import { redactValue } from "./redact-value";
import { scrubError } from "./scrub-error";

describe("scrubError", () => {
  it("masks registered secrets in message and stack and drops what would be serialised later", () => {
    const secret = "sk_live_scrub_canary_42";
    const release = registerSecrets([secret]);
    const original = Object.assign(new Error(`provider said ${secret}`, { cause: new Error(secret) }), { config: { apiKey: secret } });
    original.name = "ProviderError";
    const scrubbed = scrubError(original);
    release();
    // Serialised after the release, as the worker's log line and pg-boss's output are.
    const serialised = JSON.stringify(redactValue(scrubbed));
    expect(serialised).not.toContain(secret);
    expect(scrubbed).toMatchObject({ name: "ProviderError", message: "provider said [REDACTED]" });
    expect(scrubbed.cause).toBeUndefined();
  });

  it("turns a thrown non-error into an error", () => {
    expect(scrubError("plain text")).toMatchObject({ name: "Error", message: "plain text" });
  });
});
