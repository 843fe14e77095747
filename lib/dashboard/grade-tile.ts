export type TileLevel = "ok" | "amber" | "red";

/**
 * Where a tile turns amber and red (value ≥ threshold). Rates are fractions,
 * ages seconds. Open breakers turn amber at one: a single open breaker
 * already defers every call to its connector.
 */
export const TILE_THRESHOLDS = {
  failureRate: { amber: 0.05, red: 0.2 },
  oldestPendingSeconds: { amber: 5 * 60, red: 30 * 60 },
  openBreakers: { amber: 1, red: Number.POSITIVE_INFINITY },
  accountingViolations: { amber: Number.POSITIVE_INFINITY, red: 1 },
} as const satisfies Record<string, { amber: number; red: number }>;

export type GradedTile = keyof typeof TILE_THRESHOLDS;

/** The level of a thresholded tile's value; null (no data, e.g. no finished runs) is ok. */
export function gradeTile(tile: GradedTile, value: number | null): TileLevel {
  if (value === null) return "ok";
  const { amber, red } = TILE_THRESHOLDS[tile];
  if (value >= red) return "red";
  if (value >= amber) return "amber";
  return "ok";
}
