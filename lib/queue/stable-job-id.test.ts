import { describe, expect, it } from "vitest";
import { z } from "zod";
import { stableJobId } from "@/lib/queue/stable-job-id";

describe("stableJobId", () => {
  it("gives the same UUID for the same parts and another for other parts", () => {
    const id = stableJobId("run-1", "retry", "1");
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(stableJobId("run-1", "retry", "1")).toBe(id);
    expect(stableJobId("run-1", "retry", "2")).not.toBe(id);
    // Parts are joined unambiguously: ["a", "bc"] is not ["ab", "c"].
    expect(stableJobId("a", "bc")).not.toBe(stableJobId("ab", "c"));
  });
});
