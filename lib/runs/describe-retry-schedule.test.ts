import { describe, expect, it } from "vitest";
import { retryPolicySchema } from "@/lib/flows/schema";
import { describeRetrySchedule } from "@/lib/runs/describe-retry-schedule";

describe("describeRetrySchedule", () => {
  it("lists a full-jitter range per retry, doubling up to the cap", () => {
    const policy = retryPolicySchema.parse({ maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 5000, maxElapsedMs: 3_600_000 });
    expect(describeRetrySchedule(policy)).toEqual([
      { attempt: 2, minDelayMs: 0, maxDelayMs: 1000, cumulativeMaxMs: 1000 },
      { attempt: 3, minDelayMs: 0, maxDelayMs: 2000, cumulativeMaxMs: 3000 },
      { attempt: 4, minDelayMs: 0, maxDelayMs: 4000, cumulativeMaxMs: 7000 },
      { attempt: 5, minDelayMs: 0, maxDelayMs: 5000, cumulativeMaxMs: 12000 },
      { attempt: 6, minDelayMs: 0, maxDelayMs: 5000, cumulativeMaxMs: 17000 },
    ]);
  });

  it("has no rows when one attempt is all there is", () => {
    expect(describeRetrySchedule({ maxAttempts: 1, baseDelayMs: 1000, maxDelayMs: 1000, maxElapsedMs: 10_000 })).toEqual([]);
  });

  it("cuts waits to the elapsed-time budget, as the executor clamps them", () => {
    expect(describeRetrySchedule({ maxAttempts: 4, baseDelayMs: 4000, maxDelayMs: 60_000, maxElapsedMs: 10_000 })).toEqual([
      { attempt: 2, minDelayMs: 0, maxDelayMs: 4000, cumulativeMaxMs: 4000 },
      { attempt: 3, minDelayMs: 0, maxDelayMs: 8000, cumulativeMaxMs: 10_000 },
      { attempt: 4, minDelayMs: 0, maxDelayMs: 10_000, cumulativeMaxMs: 10_000 },
    ]);
  });

  it("uses the defaults of a policy parsed from an empty object", () => {
    const rows = describeRetrySchedule(retryPolicySchema.parse({}));
    expect(rows.map((row) => row.attempt)).toEqual([2, 3, 4, 5]);
    expect(rows.at(-1)).toEqual({ attempt: 5, minDelayMs: 0, maxDelayMs: 8000, cumulativeMaxMs: 15000 });
  });
});
