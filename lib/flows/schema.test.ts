import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  dedupConfigSchema,
  fieldMappingSchema,
  flowDefinitionSchema,
  flowNodeSchema,
  httpRequestConfigSchema,
  lookupConfigSchema,
  mapFieldsConfigSchema,
  scheduleTriggerConfigSchema,
  transformSchema,
  webhookTriggerConfigSchema,
} from "@/lib/flows/schema";

function messages(result: { success: boolean; error?: z.ZodError }): string[] {
  return result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];
}

describe("flow definition schema", () => {
  it("fills every http-request default so stored configs round-trip", () => {
    const config = httpRequestConfigSchema.parse({ url: "https://crm.example/leads" });
    expect(config).toEqual({
      method: "POST",
      url: "https://crm.example/leads",
      headers: {},
      idempotencyHeader: "Idempotency-Key",
      idempotencyKeyFormat: "token",
      timeoutMs: 15000,
      retry: {
        maxAttempts: 5,
        baseDelayMs: 1000,
        maxDelayMs: 60000,
        maxElapsedMs: 3600000,
        retryOn: ["temporary", "ambiguous"],
        obeyRetryAfter: true,
      },
      followRedirects: false,
      idempotencyHonoured: true,
      externalIdPath: "id",
    });
    expect(httpRequestConfigSchema.parse(config)).toEqual(config);
  });

  it("does not share default objects between parses", () => {
    const a = httpRequestConfigSchema.parse({ url: "https://a.example" });
    const b = httpRequestConfigSchema.parse({ url: "https://b.example" });
    a.headers.x = "1";
    a.retry.retryOn.push("auth");
    expect(b.headers).toEqual({});
    expect(b.retry.retryOn).toEqual(["temporary", "ambiguous"]);
  });

  it("fills partial retry policies and other kinds' defaults", () => {
    expect(httpRequestConfigSchema.parse({ url: "https://x.example", retry: { maxAttempts: 2 } }).retry.maxDelayMs).toBe(60000);
    expect(dedupConfigSchema.parse({ key: "id" })).toEqual({ key: "id", windowSeconds: 86400, scope: "flow", onDuplicate: "skip" });
    expect(lookupConfigSchema.parse({ url: "https://x.example/{{id}}" })).toMatchObject({ method: "GET", headers: {}, notFoundStatuses: [404] });
    expect(mapFieldsConfigSchema.parse({})).toEqual({ mappings: [], mode: "replace" });
    expect(scheduleTriggerConfigSchema.parse({ cron: "*/5 * * * *" }).timezone).toBe("UTC");
  });

  it("assumes targets honour idempotency keys unless told otherwise, and checks the existing-record lookup like a request", () => {
    expect(httpRequestConfigSchema.parse({ url: "https://x.example" })).toMatchObject({ idempotencyHonoured: true });
    expect(httpRequestConfigSchema.parse({ url: "https://x.example" }).existingRecordLookup).toBeUndefined();
    const withLookup = httpRequestConfigSchema.parse({ url: "https://x.example/leads", idempotencyHonoured: false, existingRecordLookup: { url: "https://x.example/leads?externalId={{id}}" } });
    expect(withLookup.existingRecordLookup).toMatchObject({ method: "GET", notFoundStatuses: [404], timeoutMs: 15000 });
    // A relative lookup path takes its base from a secret-URL credential: its own, or the request's.
    expect(httpRequestConfigSchema.safeParse({ url: "crm.lead.add.json", credentialRef: "b24", existingRecordLookup: { url: "crm.lead.list.json" } }).success).toBe(true);
    expect(messages(httpRequestConfigSchema.safeParse({ url: "https://x.example", existingRecordLookup: { url: "crm.lead.list.json" } }))[0]).toMatch(/^existingRecordLookup\.url: /);
    expect(lookupConfigSchema.safeParse({ url: "crm.lead.list.json" }).success).toBe(false);
    expect(lookupConfigSchema.safeParse({ url: "crm.lead.list.json", credentialRef: "b24" }).success).toBe(true);
  });

  it("rejects http-request configs outside the limits with readable messages", () => {
    const result = httpRequestConfigSchema.safeParse({
      url: "ftp://files.example",
      method: "TRACE",
      timeoutMs: 50,
      retry: { maxAttempts: 0, baseDelayMs: 5000, maxDelayMs: 1000, retryOn: ["permanent"] },
    });
    const text = messages(result);
    expect(text).toContainEqual("url: URL must start with http:// or https://");
    expect(text.some((m) => m.startsWith("method:"))).toBe(true);
    expect(text.some((m) => m.startsWith("timeoutMs:"))).toBe(true);
    expect(text.some((m) => m.startsWith("retry.maxAttempts:"))).toBe(true);
    expect(text.some((m) => m.startsWith("retry.retryOn.0:"))).toBe(true);
  });

  it("rejects a base delay above the max delay", () => {
    const result = httpRequestConfigSchema.safeParse({ url: "https://x.example", retry: { baseDelayMs: 5000, maxDelayMs: 1000 } });
    expect(messages(result)).toEqual(["retry.baseDelayMs: Base delay must not exceed the maximum delay"]);
  });

  it("accepts a templated url that only becomes absolute at run time", () => {
    expect(httpRequestConfigSchema.safeParse({ url: "{{baseUrl}}/leads" }).success).toBe(true);
  });

  it("accepts a relative url only when a credential supplies the base (secret URLs)", () => {
    expect(httpRequestConfigSchema.safeParse({ url: "crm.lead.add.json", credentialRef: "bitrix" }).success).toBe(true);
    const bare = httpRequestConfigSchema.safeParse({ url: "crm.lead.add.json" });
    expect(bare.success).toBe(false);
    expect(bare.error?.issues[0]?.message).toMatch(/must start with http:\/\/ or https:\/\/.*secret-URL credential/);
  });

  it("requires exactly one of source and expression in a mapping", () => {
    const both = fieldMappingSchema.safeParse({ target: "a", source: "b", expression: "c" });
    const neither = fieldMappingSchema.safeParse({ target: "a" });
    expect(messages(both)).toEqual(["source: Set either a source path or an expression, not both"]);
    expect(messages(neither)).toEqual(["source: Set either a source path or an expression, not both"]);
    expect(fieldMappingSchema.parse({ target: "a", expression: "b & c" }).transform).toEqual([]);
  });

  it("refuses prototype-polluting and empty path segments", () => {
    expect(messages(fieldMappingSchema.safeParse({ target: "__proto__.admin", source: "x" }))).toEqual([
      "target: Path must not use __proto__, constructor or prototype",
    ]);
    expect(fieldMappingSchema.safeParse({ target: "a..b", source: "x" }).success).toBe(false);
    expect(webhookTriggerConfigSchema.safeParse({ eventIdPath: "constructor.name" }).success).toBe(false);
  });

  it("parses transforms as a discriminated union", () => {
    expect(transformSchema.parse({ type: "phone-e164", defaultCountryCode: "7" })).toEqual({ type: "phone-e164", defaultCountryCode: "7" });
    expect(messages(transformSchema.safeParse({ type: "rot13" }))).toEqual(["type: Unknown transform type"]);
    expect(transformSchema.safeParse({ type: "phone-e164", defaultCountryCode: "+7" }).success).toBe(false);
    expect(transformSchema.safeParse({ type: "template" }).success).toBe(false);
  });

  it("requires a header for plain hmac-sha256 signatures only", () => {
    const hmac = webhookTriggerConfigSchema.safeParse({ signature: { scheme: "hmac-sha256", credentialRef: "cred_1" } });
    expect(messages(hmac)).toEqual(["signature.header: hmac-sha256 needs the header that carries the signature"]);
    expect(webhookTriggerConfigSchema.safeParse({ signature: { scheme: "github", credentialRef: "cred_1" } }).success).toBe(true);
  });

  it("validates cron loosely and timezones strictly", () => {
    expect(scheduleTriggerConfigSchema.safeParse({ cron: "0 9 * * MON-FRI", timezone: "Asia/Almaty" }).success).toBe(true);
    expect(messages(scheduleTriggerConfigSchema.safeParse({ cron: "every day" }))).toEqual([
      "cron: Cron must have 5 fields: minute hour day-of-month month day-of-week",
    ]);
    expect(scheduleTriggerConfigSchema.safeParse({ cron: "* * * * *", timezone: "Mars/Olympus" }).success).toBe(false);
  });

  it("checks node ids and rejects unknown kinds", () => {
    const base = { position: { x: 0, y: 0 }, config: {} };
    expect(flowNodeSchema.safeParse({ ...base, id: "has space", kind: "manual-trigger" }).success).toBe(false);
    expect(flowNodeSchema.safeParse({ ...base, id: "x".repeat(65), kind: "manual-trigger" }).success).toBe(false);
    expect(messages(flowNodeSchema.safeParse({ ...base, id: "n1", kind: "teleport" }))[0]).toMatch(/^kind: Unknown node kind/);
  });

  it("parses a definition, filling edge and config defaults and dropping editor-only fields", () => {
    const definition = flowDefinitionSchema.parse({
      schemaVersion: 1,
      nodes: [{ id: "t", kind: "webhook-trigger", position: { x: 1, y: 2 }, config: {}, selected: true, measured: { width: 10 } }],
    });
    expect(definition).toEqual({ schemaVersion: 1, nodes: [{ id: "t", kind: "webhook-trigger", position: { x: 1, y: 2 }, config: { acceptForm: false, dedupByBodyHash: false } }], edges: [] });
    expect(flowDefinitionSchema.safeParse({ schemaVersion: 2, nodes: [] }).success).toBe(false);
  });
});
