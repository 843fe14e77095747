import { describe, expect, it } from "vitest";
import { decideAlertAction } from "./decide-alert-action";

const now = new Date("2026-01-01T12:00:00Z");
const minutesAgo = (m: number) => ({ lastNotifiedAt: new Date(now.getTime() - m * 60_000) });

describe("decideAlertAction", () => {
  it("opens an incident when a rule starts firing", () => {
    expect(decideAlertAction({ firing: true, open: null, repeatMinutes: 60, now })).toBe("firing");
  });
  it("stays quiet while firing within the repeat interval, then repeats", () => {
    expect(decideAlertAction({ firing: true, open: minutesAgo(59), repeatMinutes: 60, now })).toBeNull();
    expect(decideAlertAction({ firing: true, open: minutesAgo(60), repeatMinutes: 60, now })).toBe("repeat");
  });
  it("resolves an open incident once the rule stops firing, and does nothing when all is well", () => {
    expect(decideAlertAction({ firing: false, open: minutesAgo(1), repeatMinutes: 60, now })).toBe("resolved");
    expect(decideAlertAction({ firing: false, open: null, repeatMinutes: 60, now })).toBeNull();
  });
});
