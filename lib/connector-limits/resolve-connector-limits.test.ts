import { describe, expect, it } from "vitest";
import { resolveConnectorLimits, type ConnectorRow } from "./resolve-connector-limits";
import type { ConnectorLimits } from "./schema";

const defaults: ConnectorLimits = { maxInFlight: 10, maxPerSecond: 10, minCalls: 20, failureRatio: 0.5, windowSeconds: 60, openSeconds: 30, halfOpenProbes: 1 };
const unset = { maxInFlight: null, maxPerSecond: null, minCalls: null, failureRatio: null, windowSeconds: null, openSeconds: null, halfOpenProbes: null };
const row = (overrides: Partial<ConnectorRow>): ConnectorRow => ({ key: "crm.example.com", host: "crm.example.com", ...unset, ...overrides });

describe("resolveConnectorLimits", () => {
  it("uses the defaults for a connector nobody set limits for", () => {
    expect(resolveConnectorLimits(row({}), defaults)).toEqual(defaults);
  });

  it("prefers the catalog's documented figure to the default, field by field", () => {
    expect(resolveConnectorLimits(row({ key: "acme.bitrix24.ru", host: "acme.bitrix24.ru" }), defaults)).toEqual({ ...defaults, maxPerSecond: 2 });
  });

  it("prefers what an operator set to both", () => {
    expect(resolveConnectorLimits(row({ key: "acme.bitrix24.ru", host: "acme.bitrix24.ru", maxPerSecond: 1, openSeconds: 5 }), defaults)).toEqual({ ...defaults, maxPerSecond: 1, openSeconds: 5 });
  });
});
