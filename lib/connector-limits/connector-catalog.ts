import type { ConnectorLimits } from "./schema";

type CatalogEntry = {
  /** Hosts of the provider's API; a host matches itself and its subdomains. */
  hosts: readonly string[];
  /** Only what the provider documents; everything else comes from the env defaults. */
  limits: Partial<ConnectorLimits>;
  /** Where the figure comes from (CONNECTORS.md), so a reader can check it. */
  source: string;
};

/**
 * Limits of the providers whose documentation gives them (CONNECTORS.md),
 * used when an operator set none on the connector. A connector matches an
 * entry by its name ("bitrix24", "bitrix24:acme") or by the host it calls.
 * Figures are per account or token, which is why a credentialed call's key
 * includes its credential (connector-of.ts).
 */
export const CONNECTOR_CATALOG = {
  bitrix24: {
    hosts: ["bitrix24.ru", "bitrix24.com", "bitrix24.kz", "bitrix24.by", "bitrix24.de", "bitrix24.eu"],
    limits: { maxPerSecond: 2 },
    source: "leaky bucket draining 2 req/s on non-Enterprise plans (5 on Enterprise); b24restdocs:limits.md",
  },
  moysklad: {
    hosts: ["api.moysklad.ru"],
    // 45 units per 3 s, with login/token requests weighing up to 4 units during 2026: ≈ 3.75/s.
    limits: { maxPerSecond: 3, maxInFlight: 5 },
    source: "45 requests per 3 s (weights up to 4 during 2026), ≤ 5 parallel per user; md/_restrictions.md",
  },
  huntflow: {
    hosts: ["api.huntflow.ai", "api.huntflow.ru", "api.huntflow.dev"],
    limits: { maxPerSecond: 10 },
    source: "10 req/s per token (v1 docs); huntflow/api:ru/general.md",
  },
  telegram: {
    hosts: ["api.telegram.org"],
    limits: { maxPerSecond: 30 },
    source: "about 30 messages/s per bot; Bot FAQ",
  },
  amocrm: {
    hosts: ["amocrm.ru", "amocrm.com", "kommo.com"],
    limits: { maxPerSecond: 7 },
    source: "not more than 7 requests per second; developers.kommo.com/docs/limitations",
  },
  hubspot: {
    hosts: ["api.hubapi.com"],
    limits: { maxPerSecond: 10 },
    source: "100 requests per 10 s per app on Free/Starter; HubSpot usage guidelines",
  },
} as const satisfies Record<string, CatalogEntry>;

export type CatalogName = keyof typeof CONNECTOR_CATALOG;

/** The catalog entry a connector is, by its name ("bitrix24", "bitrix24:acme") or the host it calls; null for any other API. */
export function findCatalogName({ key, host }: { key: string; host: string | null }): CatalogName | null {
  const name = key.split(":")[0]?.toLowerCase();
  if (name !== undefined && name in CONNECTOR_CATALOG) return name as CatalogName;
  if (host === null) return null;
  const hostname = host.replace(/:\d+$/, "").toLowerCase();
  const found = (Object.keys(CONNECTOR_CATALOG) as CatalogName[]).find((candidate) =>
    CONNECTOR_CATALOG[candidate].hosts.some((known) => hostname === known || hostname.endsWith(`.${known}`)),
  );
  return found ?? null;
}

/** The catalog's limits for a connector, or none. */
export function findCatalogLimits(ref: { key: string; host: string | null }): Partial<ConnectorLimits> {
  const name = findCatalogName(ref);
  return name === null ? {} : CONNECTOR_CATALOG[name].limits;
}
