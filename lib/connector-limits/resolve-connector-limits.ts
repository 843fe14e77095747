import { env } from "@/lib/env.mjs";
import { findCatalogLimits } from "./connector-catalog";
import type { ConnectorLimits } from "./schema";

export type ConnectorRow = { key: string; host: string | null } & { [K in keyof ConnectorLimits]: ConnectorLimits[K] | null };

/** The env's defaults, for connectors neither an operator nor the catalog gave limits. */
export function defaultConnectorLimits(): ConnectorLimits {
  return {
    maxInFlight: env.CONNECTOR_MAX_IN_FLIGHT,
    maxPerSecond: env.CONNECTOR_MAX_PER_SECOND,
    minCalls: env.CONNECTOR_BREAKER_MIN_CALLS,
    failureRatio: env.CONNECTOR_BREAKER_FAILURE_RATIO,
    windowSeconds: env.CONNECTOR_BREAKER_WINDOW_SECONDS,
    openSeconds: env.CONNECTOR_BREAKER_OPEN_SECONDS,
    halfOpenProbes: env.CONNECTOR_BREAKER_HALF_OPEN_PROBES,
  };
}

/** Field by field: what is set on the row, else the catalog's figure, else the default. */
export function resolveConnectorLimits(row: ConnectorRow, defaults: ConnectorLimits = defaultConnectorLimits()): ConnectorLimits {
  const catalog = findCatalogLimits(row);
  const pick = <K extends keyof ConnectorLimits>(name: K): ConnectorLimits[K] => row[name] ?? catalog[name] ?? defaults[name];
  return {
    maxInFlight: pick("maxInFlight"),
    maxPerSecond: pick("maxPerSecond"),
    minCalls: pick("minCalls"),
    failureRatio: pick("failureRatio"),
    windowSeconds: pick("windowSeconds"),
    openSeconds: pick("openSeconds"),
    halfOpenProbes: pick("halfOpenProbes"),
  };
}
