import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env.mjs";

describe("parseEnv", () => {
  it("fills defaults that make a local start work", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, APP_URL: "http://localhost:3000", EMBEDDED_PG_PORT: 54329, FLOWGATE_SEED: true });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("keeps dedup keys 35 days unless told to keep them longer (R4)", () => {
    expect(parseEnv({}).INTAKE_DEDUP_RETENTION_DAYS).toBe(35);
    expect(parseEnv({ INTAKE_DEDUP_RETENTION_DAYS: "90" }).INTAKE_DEDUP_RETENTION_DAYS).toBe(90);
  });

  it("limits every connector by default and lets a breaker open only on a real failure ratio (R11)", () => {
    expect(parseEnv({})).toMatchObject({ CONNECTOR_MAX_IN_FLIGHT: 10, CONNECTOR_MAX_PER_SECOND: 10, CONNECTOR_BREAKER_MIN_CALLS: 20, CONNECTOR_BREAKER_FAILURE_RATIO: 0.5 });
    expect(() => parseEnv({ CONNECTOR_BREAKER_FAILURE_RATIO: "0" })).toThrow(/CONNECTOR_BREAKER_FAILURE_RATIO/);
    expect(() => parseEnv({ CONNECTOR_MAX_IN_FLIGHT: "0" })).toThrow(/CONNECTOR_MAX_IN_FLIGHT/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: "" }).PORT).toBe(3000);
  });

  it("coerces numbers and booleans", () => {
    expect(parseEnv({ PORT: "8080", FLOWGATE_SEED: "0" })).toMatchObject({ PORT: 8080, FLOWGATE_SEED: false });
  });

  it.each([
    ["PORT", { PORT: "eighty" }],
    ["DATABASE_URL", { DATABASE_URL: "mysql://localhost/x" }],
    ["AUTH_SECRET", { AUTH_SECRET: "short" }],
    ["LOG_LEVEL", { LOG_LEVEL: "loud" }],
    ["ADMIN_PASSWORD", { ADMIN_PASSWORD: "123" }],
    ["INTAKE_DEDUP_RETENTION_DAYS", { INTAKE_DEDUP_RETENTION_DAYS: "34" }],
  ])("names %s when its value is bad", (name, source) => {
    expect(() => parseEnv(source)).toThrow(new RegExp(`Invalid Flowgate configuration:\\n  ${name}:`));
  });
});
