import { describe, expect, it } from "vitest";
import { maskDefinitions } from "@/lib/flows/mask-definitions";
import { restoreMaskedValues } from "@/lib/flows/restore-masked-values";

const stored = {
  schemaVersion: 1,
  nodes: [
    {
      id: "send",
      kind: "http-request",
      config: {
        url: "https://user:hunter2-secret@crm.example/leads?token=abc123456&x=1",
        headers: { Authorization: "Bearer sk_live_0123456789", "X-Tenant": "acme" },
        body: { apiKey: "k-9876543210", auth: { user: "u", pass: "p" }, title: "{{title}}" },
      },
    },
  ],
};

describe("restoreMaskedValues", () => {
  it("gives back the stored secrets when the masked copy is saved back unchanged", () => {
    const masked = maskDefinitions({ draft: stored }).draft;
    expect(JSON.stringify(masked)).not.toContain("hunter2");
    expect(restoreMaskedValues(masked, stored)).toEqual(stored);
  });

  it("keeps the analyst's edits next to restored masks", () => {
    const masked = structuredClone(maskDefinitions({ draft: stored }).draft) as typeof stored;
    masked.nodes[0]!.config.headers["X-Tenant"] = "other";
    masked.nodes[0]!.config.body.title = "{{name}}";
    const restored = restoreMaskedValues(masked, stored) as typeof stored;
    expect(restored.nodes[0]!.config.headers).toEqual({ Authorization: "Bearer sk_live_0123456789", "X-Tenant": "other" });
    expect(restored.nodes[0]!.config.body).toEqual({ apiKey: "k-9876543210", auth: { user: "u", pass: "p" }, title: "{{name}}" });
  });

  it("takes a new value typed over a mask, and a changed string that still contains a mask, as sent", () => {
    const incoming = { headers: { Authorization: "Bearer new-token-value" }, url: "https://user:[REDACTED]@other.example/leads" };
    const before = { headers: { Authorization: "Bearer old" }, url: "https://user:pw@crm.example/leads" };
    expect(restoreMaskedValues(incoming, before)).toEqual(incoming);
  });

  it("keeps a mask where the stored draft has no value (nothing to restore)", () => {
    expect(restoreMaskedValues({ headers: { "X-Api-Key": "[REDACTED]" } }, { headers: {} })).toEqual({ headers: { "X-Api-Key": "[REDACTED]" } });
    expect(restoreMaskedValues({ a: "[REDACTED]" }, undefined)).toEqual({ a: "[REDACTED]" });
  });

  it("follows array indexes and tolerates a stored value of another shape", () => {
    expect(restoreMaskedValues([{ token: "[REDACTED]" }, "x"], [{ token: "t-1" }])).toEqual([{ token: "t-1" }, "x"]);
    expect(restoreMaskedValues({ nodes: [{ token: "[REDACTED]" }] }, { nodes: "not a list" })).toEqual({ nodes: [{ token: "[REDACTED]" }] });
  });

  it("does not modify its arguments", () => {
    const incoming = { token: "[REDACTED]" };
    const before = { token: "t-1" };
    restoreMaskedValues(incoming, before);
    expect(incoming).toEqual({ token: "[REDACTED]" });
    expect(before).toEqual({ token: "t-1" });
  });
});
