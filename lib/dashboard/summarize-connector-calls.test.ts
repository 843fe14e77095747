import { describe, expect, it } from "vitest";
import { CALL_MS_BUCKET_FLOORS } from "./latency-histogram";
import type { CallBucket } from "./read-call-buckets";
import { summarizeConnectorCalls } from "./summarize-connector-calls";

/** A histogram with `count` calls in the bucket whose floor is `floorMs`. */
const calls = (floorMs: number, count: number) => CALL_MS_BUCKET_FLOORS.map((floor) => (floor === floorMs ? count : 0));
const bucket = (at: number, connectorKey: string, histogram: number[], failedAttempts = 0): CallBucket => {
  const attempts = histogram.reduce((sum, count) => sum + count, 0);
  return { at: new Date(at), connectorKey, attempts, failedAttempts, retried: failedAttempts, callMsSum: attempts * 100, histogram };
};

describe("summarizeConnectorCalls", () => {
  it("adds the steps of each connector and reads p50/p95 off the summed histogram, sorted by key", () => {
    const input = [bucket(0, "b", calls(100, 1)), bucket(0, "a", calls(100, 9), 3), bucket(60_000, "a", calls(1000, 1), 1)];
    expect(summarizeConnectorCalls(input)).toEqual([
      // Ten calls: rank 5 among nine at 100–120 ms, rank 10 the one at 1000–1200 ms.
      { connectorKey: "a", attempts: 10, failedAttempts: 4, retried: 4, avgMs: 100, p50Ms: 110, p95Ms: 1100 },
      { connectorKey: "b", attempts: 1, failedAttempts: 0, retried: 0, avgMs: 100, p50Ms: 110, p95Ms: 110 },
    ]);
  });

  it("leaves the steps it was given unchanged", () => {
    const first = bucket(0, "a", calls(100, 1));
    summarizeConnectorCalls([first, bucket(60_000, "a", calls(200, 1))]);
    expect(first.histogram).toEqual(calls(100, 1));
  });

  it("has no rows without calls", () => {
    expect(summarizeConnectorCalls([])).toEqual([]);
  });
});
