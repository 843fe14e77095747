import { describe, expect, it } from "vitest";
import { pickBucketSize } from "./pick-bucket-size";

describe("pickBucketSize", () => {
  it("charts an hour per minute, a day per 15 minutes and a week per 2 hours", () => {
    expect(pickBucketSize("hour")).toEqual({ spanMinutes: 60, bucketMinutes: 1 });
    expect(pickBucketSize("day")).toEqual({ spanMinutes: 1440, bucketMinutes: 15 });
    expect(pickBucketSize("week")).toEqual({ spanMinutes: 10080, bucketMinutes: 120 });
  });

  it("keeps every range under a hundred chart points", () => {
    for (const range of ["hour", "day", "week"] as const) {
      const { spanMinutes, bucketMinutes } = pickBucketSize(range);
      expect(spanMinutes / bucketMinutes).toBeLessThanOrEqual(100);
    }
  });
});
