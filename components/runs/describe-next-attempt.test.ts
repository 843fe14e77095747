import { describe, expect, it } from "vitest";
import { describeNextAttempt } from "@/components/runs/describe-next-attempt";

describe("describeNextAttempt", () => {
  it("says how long the engine waited and why", () => {
    expect(describeNextAttempt("backoff", 2_300)).toMatch(/^Next attempt after 2\.3 s \(exponential backoff/);
    expect(describeNextAttempt("retry_after", 5_000)).toMatch(/Retry-After asked; this attempt does not count/);
  });

  it("says why there was no next attempt, also for reasons it does not know", () => {
    expect(describeNextAttempt("max_attempts", null)).toBe("Not retried: the step's attempts were used up.");
    expect(describeNextAttempt("something_new", null)).toBe("Not retried (something_new).");
  });
});
