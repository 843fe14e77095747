import { describe, expect, it } from "vitest";
import { decideRetry, type RetryPolicy } from "./decide-retry";
import type { StepFailure } from "./failure-class";

const policy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  maxElapsedMs: 600_000,
  retryOn: ["temporary", "ambiguous"],
  obeyRetryAfter: true,
};
const firstAttemptAt = new Date("2026-01-01T00:00:00Z");
const now = new Date("2026-01-01T00:01:00Z");
const temporary: StepFailure = { class: "temporary", code: "http_503", message: "HTTP 503", status: 503 };

describe("decideRetry", () => {
  it("retries a temporary failure with a jittered delay", () => {
    const decision = decideRetry({ failure: temporary, attemptsMade: 2, firstAttemptAt, now, policy, random: () => 0.5 });
    expect(decision).toEqual({ retry: true, delayMs: 1000, reason: "backoff" });
  });

  it("does not retry classes outside retryOn (permanent, auth)", () => {
    for (const failureClass of ["permanent", "auth"] as const) {
      const decision = decideRetry({ failure: { ...temporary, class: failureClass }, attemptsMade: 1, firstAttemptAt, now, policy });
      expect(decision).toEqual({ retry: false, reason: "class_not_retried" });
    }
  });

  it("stops after maxAttempts", () => {
    expect(decideRetry({ failure: temporary, attemptsMade: 5, firstAttemptAt, now, policy })).toEqual({ retry: false, reason: "max_attempts" });
  });

  it("stops once the elapsed budget is spent", () => {
    const late = new Date(firstAttemptAt.getTime() + policy.maxElapsedMs);
    expect(decideRetry({ failure: temporary, attemptsMade: 1, firstAttemptAt, now: late, policy })).toEqual({ retry: false, reason: "max_elapsed" });
  });

  it("clamps a jittered delay to the remaining budget instead of giving up at random", () => {
    const nearEnd = new Date(firstAttemptAt.getTime() + policy.maxElapsedMs - 500);
    const decision = decideRetry({ failure: temporary, attemptsMade: 4, firstAttemptAt, now: nearEnd, policy, random: () => 0.9 });
    expect(decision).toEqual({ retry: true, delayMs: 500, reason: "backoff" });
  });

  it("uses Retry-After instead of the jittered delay, even above the cap", () => {
    const failure = { ...temporary, retryAfterMs: 90_000 };
    expect(decideRetry({ failure, attemptsMade: 1, firstAttemptAt, now, policy, random: () => 0 })).toEqual({ retry: true, delayMs: 90_000, reason: "retry_after" });
  });

  it("gives up when Retry-After points past the deadline", () => {
    const failure = { ...temporary, retryAfterMs: 10 * 60_000 };
    expect(decideRetry({ failure, attemptsMade: 1, firstAttemptAt, now, policy })).toEqual({ retry: false, reason: "retry_after_beyond_deadline" });
  });

  it("ignores Retry-After when the policy says so", () => {
    const failure = { ...temporary, retryAfterMs: 90_000 };
    const decision = decideRetry({ failure, attemptsMade: 1, firstAttemptAt, now, policy: { ...policy, obeyRetryAfter: false }, random: () => 0.5 });
    expect(decision).toEqual({ retry: true, delayMs: 500, reason: "backoff" });
  });

  it("retries ambiguous failures when the policy lists them", () => {
    const failure: StepFailure = { class: "ambiguous", code: "timeout_after_send", message: "t" };
    expect(decideRetry({ failure, attemptsMade: 1, firstAttemptAt, now, policy, random: () => 0 }).retry).toBe(true);
  });
});
