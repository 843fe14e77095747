import { Gauge, type Registry } from "prom-client";
import { listConnectorStates } from "@/lib/connector-limits/list-connector-states";
import { BREAKER_STATUSES } from "@/lib/connector-limits/schema";

// Connectors are created by configuration and the flows that call them, so
// their number is bounded like flows'; the cap guards against a runaway.
const MAX_CONNECTOR_LABELS = 200;

/** Per connector: breaker state (one series per state, 1 for the current one), calls in flight, paused, Retry-After left. */
export async function addConnectorMetrics(registry: Registry): Promise<void> {
  const connectors = (await listConnectorStates()).slice(0, MAX_CONNECTOR_LABELS);
  const gauge = (name: string, help: string, labelNames: string[]) => new Gauge({ name, help, labelNames, registers: [registry] });
  const breaker = gauge("flowgate_connector_breaker_state", "Circuit breaker state per connector: 1 for the current state.", ["connector", "state"]);
  const inFlight = gauge("flowgate_connector_in_flight", "Calls in flight per connector (live permits).", ["connector"]);
  const paused = gauge("flowgate_connector_paused", "1 while the connector is paused (auth failure).", ["connector"]);
  const retryAfter = gauge("flowgate_connector_retry_after_seconds", "Seconds until the connector's Retry-After window ends; 0 when none.", ["connector"]);
  const now = Date.now();
  for (const connector of connectors) {
    const labels = { connector: connector.key };
    for (const state of BREAKER_STATUSES) breaker.set({ ...labels, state }, connector.breaker.status === state ? 1 : 0);
    inFlight.set(labels, connector.inFlight);
    paused.set(labels, connector.paused ? 1 : 0);
    retryAfter.set(labels, connector.retryAfterUntil ? Math.max(0, (connector.retryAfterUntil.getTime() - now) / 1000) : 0);
  }
}
