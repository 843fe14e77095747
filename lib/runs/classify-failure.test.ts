import { describe, expect, it } from "vitest";
import { classifyHttpStatus, classifyTransportError } from "./classify-failure";

describe("classifyHttpStatus", () => {
  it.each([
    [200, null],
    [201, null],
    [304, null],
    [408, "temporary"],
    [425, "temporary"],
    [429, "temporary"],
    [502, "temporary"],
    [503, "temporary"],
    [504, "temporary"],
    [507, "temporary"],
    [401, "auth"],
    [403, "auth"],
    [400, "permanent"],
    [404, "permanent"],
    [409, "permanent"],
    [410, "permanent"],
    [422, "permanent"],
    [418, "permanent"],
  ])("maps %i to %s whatever the idempotency", (status, expected) => {
    expect(classifyHttpStatus(status, { idempotentRequest: true })).toBe(expected);
    expect(classifyHttpStatus(status, { idempotentRequest: false })).toBe(expected);
  });

  it("treats a 500 as ambiguous only when repeating could double the effect", () => {
    expect(classifyHttpStatus(500, { idempotentRequest: false })).toBe("ambiguous");
    expect(classifyHttpStatus(500, { idempotentRequest: true })).toBe("temporary");
  });
});

const withCode = (code: string, message = "boom") => Object.assign(new Error(message), { code });

describe("classifyTransportError", () => {
  it.each([
    ["ECONNREFUSED", "connection_refused"],
    ["ENOTFOUND", "dns_failure"],
    ["EAI_AGAIN", "dns_failure"],
    ["UND_ERR_CONNECT_TIMEOUT", "connect_timeout"],
  ])("classifies %s as temporary: nothing can have reached the target", (code, expected) => {
    const failure = classifyTransportError(withCode(code), { requestSent: false });
    expect(failure).toMatchObject({ class: "temporary", code: expected });
  });

  it.each(["ECONNRESET", "UND_ERR_SOCKET", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"])(
    "classifies %s after sending as ambiguous",
    (code) => {
      expect(classifyTransportError(withCode(code), { requestSent: true }).class).toBe("ambiguous");
    },
  );

  it("classifies a reset before sending as temporary", () => {
    expect(classifyTransportError(withCode("ECONNRESET"), { requestSent: false })).toMatchObject({ class: "temporary", code: "connection_reset_before_send" });
  });

  it("reads the total timeout and caller aborts by error name", () => {
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    const abort = new DOMException("This operation was aborted", "AbortError");
    expect(classifyTransportError(timeout, { requestSent: true })).toMatchObject({ class: "ambiguous", code: "timeout_after_send" });
    expect(classifyTransportError(abort, { requestSent: false })).toMatchObject({ class: "temporary", code: "aborted_before_send" });
  });

  it("finds the code inside an AggregateError or a cause chain", () => {
    const aggregate = Object.assign(new AggregateError([withCode("ECONNREFUSED")], "connect failed"), {});
    expect(classifyTransportError(aggregate, { requestSent: false }).code).toBe("connection_refused");
    const wrapped = new Error("fetch failed", { cause: withCode("ENOTFOUND") });
    expect(classifyTransportError(wrapped, { requestSent: false }).code).toBe("dns_failure");
  });

  it("treats an unknown error as ambiguous once sent and temporary before", () => {
    expect(classifyTransportError(new Error("weird"), { requestSent: true }).class).toBe("ambiguous");
    expect(classifyTransportError("weird", { requestSent: false }).class).toBe("temporary");
  });

  it("marks an invalid request permanent: retrying cannot fix it", () => {
    expect(classifyTransportError(withCode("UND_ERR_INVALID_ARG"), { requestSent: false }).class).toBe("permanent");
  });

  it("never copies the original error message, which may echo headers or bodies", () => {
    const secret = "Bearer sk_live_canary_123456";
    for (const code of ["ECONNRESET", "SOMETHING_ELSE"]) {
      const failure = classifyTransportError(withCode(code, `failed with header authorization: ${secret}`), { requestSent: true });
      expect(JSON.stringify(failure)).not.toContain("sk_live_canary");
    }
  });
});
