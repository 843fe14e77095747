import { db } from "@/lib/db";
import { connectorKeySchema, connectorSettingsSchema, type ConnectorSettings } from "./schema";

export type ConfigureConnectorOptions = { key: string; host?: string | null; settings: ConnectorSettings };

/**
 * Sets a connector's own limits (null restores the catalog's or the
 * default), creating the connector if it was never called. For seeding and
 * tests; an audited operator API for it is left to the operator console.
 */
export async function configureConnector({ key, host = null, settings }: ConfigureConnectorOptions): Promise<void> {
  const data = connectorSettingsSchema.parse(settings);
  const connectorKey = connectorKeySchema.parse(key);
  await db.connector.upsert({ where: { key: connectorKey }, create: { key: connectorKey, host, ...data }, update: data });
}
