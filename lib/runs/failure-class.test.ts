import { describe, expect, it } from "vitest";
import { FAILURE_CLASSES, StepFailureError, stepFailureSchema } from "./failure-class";

describe("stepFailureSchema", () => {
  it("accepts every failure class with optional status and retry hint", () => {
    for (const failureClass of FAILURE_CLASSES) {
      expect(stepFailureSchema.parse({ class: failureClass, code: "http_503", message: "x", status: 503, retryAfterMs: 7000 }).class).toBe(failureClass);
    }
  });

  it("rejects an unknown class, an empty code and a negative retry hint", () => {
    expect(stepFailureSchema.safeParse({ class: "fatal", code: "x", message: "" }).success).toBe(false);
    expect(stepFailureSchema.safeParse({ class: "temporary", code: "", message: "" }).success).toBe(false);
    expect(stepFailureSchema.safeParse({ class: "temporary", code: "x", message: "", retryAfterMs: -1 }).success).toBe(false);
  });
});

describe("StepFailureError", () => {
  it("carries the failure and the exchange for the executor", () => {
    const failure = { class: "permanent" as const, code: "mapping_error", message: "email missing" };
    const error = new StepFailureError(failure, { request: { url: "x" } });
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe("email missing");
    expect(error.failure).toEqual(failure);
    expect(error.exchange).toEqual({ request: { url: "x" } });
  });
});
