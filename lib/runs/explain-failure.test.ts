import { describe, expect, it } from "vitest";
import { explainFailure } from "@/lib/runs/explain-failure";

const base = { code: undefined, idempotencyKey: null, needsReview: false };

describe("explainFailure", () => {
  it("tells a temporary failure's retry that it gets a fresh budget and reuses the step's key", () => {
    const explained = explainFailure({ ...base, failureClass: "temporary", idempotencyKey: "run:abc:send" });
    expect(explained.meaning).toMatch(/temporary failure/);
    expect(explained.retry).toContain("fresh attempt budget");
    expect(explained.retry).toContain("(run:abc:send)");
  });

  it("warns that a permanent failure fails again unchanged and points to fix-and-replay", () => {
    const explained = explainFailure({ ...base, failureClass: "permanent" });
    expect(explained.retry).toMatch(/most likely fail again/);
    expect(explained.retry).toContain("Replay on the latest version");
  });

  it("sends an auth failure to the credential and the paused connector first", () => {
    expect(explainFailure({ ...base, failureClass: "auth" }).retry).toMatch(/^Fix or rotate the credential first.*resume the connector/);
  });

  it("asks a person to check the target before retrying a needs-review run, and not otherwise", () => {
    expect(explainFailure({ ...base, failureClass: "ambiguous", needsReview: true, idempotencyKey: "k1" }).retry).toMatch(/^Check the target for the record first.*\(k1\)/);
    expect(explainFailure({ ...base, failureClass: "ambiguous" }).retry).not.toContain("Check the target");
  });

  it("lets a configuration code override the class's advice, keeping the class's meaning", () => {
    const explained = explainFailure({ ...base, failureClass: "permanent", code: "outbound_refused" });
    expect(explained.retry).toMatch(/An admin must allow it in Settings/);
    expect(explained.meaning).toMatch(/permanent failure/);
    expect(explainFailure({ ...base, failureClass: "temporary", code: "job_exhausted" }).meaning).toMatch(/repeated crashes/);
  });

  it("reads an unknown class (an old row) without failing", () => {
    expect(explainFailure({ ...base, failureClass: "weird", code: "x" })).toEqual({
      meaning: "The run stopped with an error the engine did not classify.",
      retry: "Retry runs the stopped step again; steps that succeeded are not repeated.",
    });
  });
});
