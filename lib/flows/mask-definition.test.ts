import { describe, expect, it } from "vitest";
import { maskDefinition } from "@/lib/flows/mask-definition";

const node = (kind: string, config: unknown) => ({ id: kind, kind, position: { x: 0, y: 0 }, config });

describe("maskDefinition", () => {
  it("masks header values and secret-named fields in configs", () => {
    const masked = maskDefinition({
      schemaVersion: 1,
      nodes: [node("http-request", { url: "https://crm.example/x", headers: { Authorization: "Bearer s3cr3t", "X-Trace": "t" }, body: { password: "p4ss", name: "{{name}}" } })],
      edges: [],
    });
    expect(masked).toMatchObject({
      nodes: [{ config: { headers: { Authorization: "[REDACTED]", "X-Trace": "t" }, body: { password: "[REDACTED]", name: "{{name}}" } } }],
    });
  });

  it("shows settings whose names only look secret: credential names, signature settings, a dedup key", () => {
    const masked = maskDefinition({
      schemaVersion: 1,
      nodes: [
        node("webhook-trigger", { signature: { scheme: "hmac-sha256", credentialRef: "crm-hook", header: "X-Sig" } }),
        node("dedup", { key: "order.id", windowSeconds: 60 }),
        node("http-request", { credentialRef: "crm-token", existingRecordLookup: { url: "https://x.example", credentialRef: "crm-read" } }),
      ],
      edges: [],
    });
    expect(masked).toMatchObject({
      nodes: [
        { config: { signature: { scheme: "hmac-sha256", credentialRef: "crm-hook", header: "X-Sig" } } },
        { config: { key: "order.id" } },
        { config: { credentialRef: "crm-token", existingRecordLookup: { credentialRef: "crm-read" } } },
      ],
    });
  });

  it("keeps a kind's setting only where it belongs: a nested 'key' or another kind's 'signature' is still masked", () => {
    const masked = maskDefinition({ schemaVersion: 1, nodes: [node("http-request", { body: { key: "k-123" }, signature: "abc" }), node("dedup", { key: "id", extra: { key: "x" } })], edges: [] });
    expect(masked).toMatchObject({ nodes: [{ config: { body: { key: "[REDACTED]" }, signature: "[REDACTED]" } }, { config: { key: "id", extra: { key: "[REDACTED]" } } }] });
  });

  it("masks anything that is not a definition generically", () => {
    expect(maskDefinition({ token: "t" })).toEqual({ token: "[REDACTED]" });
  });
});
