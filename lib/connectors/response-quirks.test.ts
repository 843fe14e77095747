import { describe, expect, it } from "vitest";
import type { HttpCallResult } from "@/lib/connectors/http-call";
import { applyResponseQuirks } from "@/lib/connectors/response-quirks";

const NOW = 1_800_000_000_000;
const ok = (body: unknown, status = 200, headers: Record<string, string> = {}): HttpCallResult => ({ ok: true, status, headers, body, truncated: false, durationMs: 5 });
const failed = (status: number, body: unknown, cls: "temporary" | "permanent" | "auth" = "permanent"): HttpCallResult => ({
  ok: false,
  status,
  headers: {},
  body,
  failure: { class: cls, code: `http_${status}`, message: "x", status },
  durationMs: 5,
});
const classOf = (result: HttpCallResult) => (result.ok ? "ok" : [result.failure.class, result.failure.code, result.failure.retryAfterMs]);

describe("provider response quirks (R8)", () => {
  it.each([
    ["bitrix24", ok({ result: 42 }), "ok"],
    ["bitrix24", failed(503, { error: "QUERY_LIMIT_EXCEEDED" }, "temporary"), ["temporary", "bitrix24_QUERY_LIMIT_EXCEEDED", undefined]],
    ["bitrix24", failed(401, { error: "expired_token" }, "auth"), ["auth", "bitrix24_expired_token", undefined]],
    ["bitrix24", failed(403, { error: "insufficient_scope" }, "auth"), ["auth", "bitrix24_insufficient_scope", undefined]],
    ["bitrix24", failed(429, { error: "OPERATION_TIME_LIMIT", time: { operating_reset_at: NOW / 1000 + 12 } }, "temporary"), ["temporary", "bitrix24_OPERATION_TIME_LIMIT", 12_000]],
    ["bitrix24", ok({ error: "ERROR_CORE", error_description: "contact 17 not found" }), ["permanent", "bitrix24_ERROR_CORE", undefined]],
    ["bitrix24", ok({ result: { result: {}, result_error: { lead1: { error: "bad" } } } }), ["permanent", "bitrix24_batch_error", undefined]],
    ["bitrix24", ok({ result: { result: { a: 1 }, result_error: [] } }), "ok"],
    ["moysklad", failed(429, { errors: [{ code: 1049 }] }, "temporary"), ["temporary", "moysklad_1049", undefined]],
    ["moysklad", { ...failed(429, { errors: [{ code: 1049 }] }, "temporary"), headers: { "x-lognex-retry-after": "1500" } }, ["temporary", "moysklad_1049", 1_500]],
    ["moysklad", failed(409, { errors: [{ code: 1065 }] }), ["temporary", "moysklad_1065", undefined]],
    ["moysklad", failed(403, { errors: [{ code: 1016 }] }, "auth"), ["auth", "moysklad_1016", undefined]],
    ["moysklad", failed(403, { errors: [{ code: 1070 }] }, "auth"), ["permanent", "moysklad_1070", undefined]],
    ["moysklad", ok([{ id: "a" }, { errors: [{ code: 3005 }] }]), ["permanent", "moysklad_partial_failure", undefined]],
    ["moysklad", ok([{ id: "a" }]), "ok"],
    ["telegram", ok({ ok: true, result: {} }), "ok"],
    ["telegram", failed(429, { ok: false, error_code: 429, parameters: { retry_after: 7 } }, "temporary"), ["temporary", "telegram_429", 7_000]],
    ["telegram", failed(403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }, "auth"), ["permanent", "telegram_403", undefined]],
    ["telegram", failed(401, { ok: false, error_code: 401 }, "auth"), ["auth", "telegram_401", undefined]],
  ] as const)("%s: %j", (connector, result, expected) => {
    expect(classOf(applyResponseQuirks(connector, result, NOW))).toEqual(expected);
  });

  it("leaves other APIs and unknown connectors to plain HTTP semantics", () => {
    const inside200 = ok({ error: "ERROR_CORE" });
    expect(applyResponseQuirks(null, inside200)).toBe(inside200);
    expect(applyResponseQuirks("hubspot", inside200)).toBe(inside200);
  });

  it("never copies the provider's description into the stored message", () => {
    const result = applyResponseQuirks("bitrix24", ok({ error: "ERROR_CORE", error_description: "phone +77011234567 invalid" }), NOW);
    expect(JSON.stringify(result.ok ? null : result.failure)).not.toContain("77011234567");
  });
});
