import { describe, expect, it } from "vitest";
import { compareEntityVersions } from "@/lib/runs/compare-entity-versions";

describe("compareEntityVersions", () => {
  it("compares numbers numerically, not as text", () => {
    expect(compareEntityVersions("9", "10")).toBeLessThan(0);
    expect(compareEntityVersions("10", "9")).toBeGreaterThan(0);
    expect(compareEntityVersions("2.5", "2.25")).toBeGreaterThan(0);
    expect(compareEntityVersions("-1", "0")).toBeLessThan(0);
    expect(compareEntityVersions("7", "7")).toBe(0);
  });

  it("compares integers beyond 2^53 exactly", () => {
    expect(compareEntityVersions("9007199254740993", "9007199254740992")).toBeGreaterThan(0);
  });

  it("compares ISO timestamps as instants, across offsets", () => {
    expect(compareEntityVersions("2026-11-24T10:00:00Z", "2026-11-24T09:59:59.999Z")).toBeGreaterThan(0);
    // 10:00 at +05:00 is 05:00 UTC, so older than 06:00Z although it sorts later as text.
    expect(compareEntityVersions("2026-11-24T10:00:00+05:00", "2026-11-24T06:00:00Z")).toBeLessThan(0);
    expect(compareEntityVersions("2026-11-23", "2026-11-24T00:00:00Z")).toBeLessThan(0);
    expect(compareEntityVersions("2026-11-24T10:00:00Z", "2026-11-24T10:00:00.000Z")).toBe(0);
  });

  it("orders same-format stamps finer than a millisecond by their digits", () => {
    expect(compareEntityVersions("2026-11-24T10:00:00.123456Z", "2026-11-24T10:00:00.123457Z")).toBeLessThan(0);
  });

  it("falls back to text for anything else, and for mixed kinds", () => {
    expect(compareEntityVersions("b", "a")).toBeGreaterThan(0);
    expect(compareEntityVersions("v1", "v1")).toBe(0);
    expect(compareEntityVersions("10", "2026-11-24")).toBeLessThan(0);
  });
});
