import { describe, expect, it } from "vitest";
import { gradeTile } from "./grade-tile";

describe("gradeTile", () => {
  it("turns the failure rate amber at 5 % and red at 20 %", () => {
    expect(gradeTile("failureRate", 0.049)).toBe("ok");
    expect(gradeTile("failureRate", 0.05)).toBe("amber");
    expect(gradeTile("failureRate", 0.19)).toBe("amber");
    expect(gradeTile("failureRate", 0.2)).toBe("red");
  });

  it("turns the oldest pending run amber at 5 minutes and red at 30", () => {
    expect(gradeTile("oldestPendingSeconds", 299)).toBe("ok");
    expect(gradeTile("oldestPendingSeconds", 300)).toBe("amber");
    expect(gradeTile("oldestPendingSeconds", 1800)).toBe("red");
  });

  it("turns amber on any open breaker and red on any R16 violation", () => {
    expect(gradeTile("openBreakers", 0)).toBe("ok");
    expect(gradeTile("openBreakers", 3)).toBe("amber");
    expect(gradeTile("accountingViolations", 0)).toBe("ok");
    expect(gradeTile("accountingViolations", 1)).toBe("red");
  });

  it("treats no data as ok", () => {
    expect(gradeTile("failureRate", null)).toBe("ok");
  });
});
