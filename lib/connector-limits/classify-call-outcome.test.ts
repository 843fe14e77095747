import { describe, expect, it } from "vitest";
import { classifyCallOutcome } from "./classify-call-outcome";

describe("classifyCallOutcome", () => {
  it("counts a success, and a 4xx answer, as the target being up", () => {
    expect(classifyCallOutcome(null)).toEqual({ breaker: "success" });
    expect(classifyCallOutcome({ class: "permanent", code: "http_422", message: "HTTP 422", status: 422 })).toEqual({ breaker: "success" });
  });

  it("counts temporary and ambiguous failures against the breaker and passes a Retry-After on", () => {
    expect(classifyCallOutcome({ class: "temporary", code: "http_503", message: "HTTP 503", status: 503, retryAfterMs: 2_000 })).toEqual({ breaker: "failure", retryAfterMs: 2_000 });
    expect(classifyCallOutcome({ class: "ambiguous", code: "timeout_after_send", message: "timeout" })).toEqual({ breaker: "failure" });
  });

  it("does not count a 429 against the breaker: the target's limiter is working, Retry-After handles it", () => {
    expect(classifyCallOutcome({ class: "temporary", code: "http_429", message: "HTTP 429", status: 429, retryAfterMs: 5_000 })).toEqual({ breaker: null, retryAfterMs: 5_000 });
  });

  it("pauses on an auth failure", () => {
    expect(classifyCallOutcome({ class: "auth", code: "http_401", message: "HTTP 401 from POST crm.example", status: 401 })).toEqual({ breaker: null, pauseReason: "HTTP 401 from POST crm.example" });
  });

  it("ignores what says nothing about the target: our own refusals, aborts and unclassified errors", () => {
    expect(classifyCallOutcome({ class: "permanent", code: "outbound_refused", message: "refused" })).toEqual({ breaker: null });
    expect(classifyCallOutcome({ class: "ambiguous", code: "aborted_after_send", message: "aborted" })).toEqual({ breaker: null });
    expect(classifyCallOutcome(undefined)).toEqual({ breaker: null });
  });
});
