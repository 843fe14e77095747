import { db } from "@/lib/db";
import { admitCall } from "./admit-call";
import type { ConnectorRef } from "./connector-of";
import { CONNECTOR_TX_OPTIONS, lockConnector, saveRuntime } from "./lock-connector";
import type { PermitDenialReason } from "./schema";

/** Leave to make one call; return it with releaseCallPermit when the call ends. */
export type CallPermit = { id: string; connector: ConnectorRef; probe: boolean };

export type PermitDecision = { granted: true; permit: CallPermit } | { granted: false; reason: PermitDenialReason; retryInMs: number };

export type AcquireCallPermitOptions = {
  connector: ConnectorRef;
  /** How long the permit counts if never returned (its worker died): longer than the call can take. */
  leaseMs: number;
};

/**
 * Asks for leave to call a connector now (R10, R11). One short transaction
 * under the connector's row lock, never held across the call itself.
 * Granted: a permit row counts the call as in flight until it is released
 * or its lease ends. Refused: why, and when asking again makes sense.
 */
export async function acquireCallPermit({ connector, leaseMs }: AcquireCallPermitOptions): Promise<PermitDecision> {
  return db.$transaction(async (tx) => {
    const locked = await lockConnector(tx, connector);
    const admission = admitCall({ runtime: locked.runtime, limits: locked.limits, inFlight: locked.inFlight, probesInFlight: locked.probesInFlight, now: locked.now });
    if (admission.runtime !== locked.runtime) await saveRuntime(tx, connector.key, admission.runtime);
    if (!admission.admitted) return { granted: false, reason: admission.reason, retryInMs: admission.retryInMs };
    const permit = await tx.connectorPermit.create({
      data: { connectorKey: connector.key, probe: admission.probe, acquiredAt: locked.now, expiresAt: new Date(locked.now.getTime() + leaseMs) },
      select: { id: true },
    });
    return { granted: true, permit: { id: permit.id, connector, probe: admission.probe } };
  }, CONNECTOR_TX_OPTIONS);
}
