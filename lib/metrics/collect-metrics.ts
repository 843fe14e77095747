import { Registry } from "prom-client";
import { addCallMetrics } from "@/lib/metrics/add-call-metrics";
import { addConnectorMetrics } from "@/lib/metrics/add-connector-metrics";
import { addQueueMetrics } from "@/lib/metrics/add-queue-metrics";
import { addRunMetrics } from "@/lib/metrics/add-run-metrics";

/**
 * The Prometheus text of one scrape. A fresh registry each time: every value
 * is read from the database now, so any web replica answers the same and
 * nothing stale survives a flow or connector that went away.
 */
export async function collectMetrics(): Promise<{ contentType: string; body: string }> {
  const registry = new Registry();
  await Promise.all([addRunMetrics(registry), addCallMetrics(registry), addConnectorMetrics(registry), addQueueMetrics(registry)]);
  return { contentType: registry.contentType, body: await registry.metrics() };
}
