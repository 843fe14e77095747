import { describe, expect, it } from "vitest";
import { shortUrl, summarizeNode, windowOf } from "@/components/flow-editor/model/summarize-node";
import { NODE_DEFINITIONS } from "@/lib/nodes/registry";
import { NODE_KINDS } from "@/lib/flows/schema";

describe("summarizeNode", () => {
  it("says what a call does: method, endpoint, attempts and idempotency", () => {
    const config = { method: "POST", url: "https://b24.example.com/rest/1/abc/crm.lead.add.json", retry: { maxAttempts: 5 }, idempotencyHonoured: true };
    expect(summarizeNode({ kind: "http-request", config })).toBe("POST · crm.lead.add · 5 attempts · idempotent");
    expect(summarizeNode({ kind: "http-request", config: { ...config, idempotencyHonoured: false, retry: { maxAttempts: 1 } } })).toBe("POST · crm.lead.add · no retries · not idempotent");
  });

  it("summarizes mappings, dedup rules and filters", () => {
    expect(summarizeNode({ kind: "map-fields", config: { mappings: [{}, {}, {}] } })).toBe("3 fields mapped");
    expect(summarizeNode({ kind: "map-fields", config: { mappings: [] } })).toBe("No fields mapped yet");
    expect(summarizeNode({ kind: "dedup", config: { keyFields: ["order.id"], windowSeconds: 35 * 86_400 } })).toBe("key: order.id · 35 days");
    expect(summarizeNode({ kind: "dedup", config: { key: "email", windowSeconds: 7200, onDuplicate: "update" } })).toBe("key: email · 2 hours · update on duplicate");
    expect(summarizeNode({ kind: "filter", config: { condition: "amount > 0" } })).toBe("if: amount > 0");
  });

  it("never throws on a half-filled or broken config", () => {
    for (const kind of NODE_KINDS) {
      expect(summarizeNode({ kind, config: null })).toEqual(expect.any(String));
      expect(summarizeNode({ kind, config: { url: 42, mappings: "x", retry: [] } })).toEqual(expect.any(String));
      expect(summarizeNode({ kind, config: NODE_DEFINITIONS[kind].defaultConfig() })).not.toBe("");
    }
  });

  it("shortens URLs and windows", () => {
    expect(shortUrl("https://crm.example.com/api/leads?x=1")).toBe("leads");
    expect(shortUrl("https://example.invalid/")).toBe("example.invalid");
    expect(shortUrl("crm.deal.add.json")).toBe("crm.deal.add");
    expect(windowOf(90)).toBe("90 seconds");
    expect(windowOf(86_400)).toBe("1 day");
  });
});
