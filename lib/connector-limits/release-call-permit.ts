import { raiseAlert } from "@/lib/alerts/raise-alert";
import { db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { createLogger } from "@/lib/log";
import type { CallPermit } from "./acquire-call-permit";
import { recordBreakerOutcome } from "./circuit-breaker";
import type { CallOutcome } from "./classify-call-outcome";
import { CONNECTOR_TX_OPTIONS, lockConnector, saveRuntime } from "./lock-connector";

const log = createLogger("connectors", env.LOG_LEVEL);

/** A misread or hostile Retry-After must not stop a connector for longer than a day; an operator sees it meanwhile. */
const MAX_RETRY_AFTER_MS = 24 * 3600 * 1000;

/**
 * Returns a permit and records what the call taught about its connector:
 * the breaker counts it, a Retry-After holds back every call to the
 * connector until then (R10), and an auth failure pauses the connector
 * and raises an alert (R8), so runs wait for a fixed credential instead
 * of failing one by one or hammering the target.
 */
export async function releaseCallPermit(permit: CallPermit, outcome: CallOutcome): Promise<void> {
  const { key } = permit.connector;
  const paused = await db.$transaction(async (tx) => {
    const locked = await lockConnector(tx, permit.connector);
    await tx.connectorPermit.deleteMany({ where: { id: permit.id } });
    const { now, runtime, limits } = locked;
    const breaker = outcome.breaker === null ? runtime.breaker : recordBreakerOutcome({ state: runtime.breaker, settings: limits, now, outcome: outcome.breaker, probe: permit.probe });
    let { retryAfterUntil } = runtime;
    if (outcome.retryAfterMs !== undefined) {
      const until = new Date(now.getTime() + Math.min(outcome.retryAfterMs, MAX_RETRY_AFTER_MS));
      // Two answers in a row: the later deadline wins, never an earlier one.
      if (retryAfterUntil === null || until > retryAfterUntil) retryAfterUntil = until;
    }
    await saveRuntime(tx, key, { ...runtime, breaker, retryAfterUntil });
    if (breaker.status !== runtime.breaker.status) log.info({ connector: key, from: runtime.breaker.status, to: breaker.status }, "connector breaker changed");
    // Only the first auth failure pauses and alerts; concurrent ones find it paused already.
    if (outcome.pauseReason === undefined || locked.row.pausedAt !== null) return false;
    await tx.connector.update({ where: { key }, data: { pausedAt: now, pauseReason: outcome.pauseReason } });
    await raiseAlert({ tx, kind: "connector_paused", subject: key, message: `Connector ${key} was paused after an authentication failure (${outcome.pauseReason}). Fix its credential, then resume it.` });
    return true;
  }, CONNECTOR_TX_OPTIONS);
  if (paused) log.warn({ connector: key, reason: outcome.pauseReason }, "connector paused after an authentication failure");
}
