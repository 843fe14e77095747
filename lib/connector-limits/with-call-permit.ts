import { setTimeout as sleep } from "node:timers/promises";
import { env } from "@/lib/env.mjs";
import type { HttpCallResult } from "@/lib/connectors/http-call";
import { createLogger } from "@/lib/log";
import { StepFailureError } from "@/lib/runs/failure-class";
import { StepDeferral } from "@/lib/runs/step-deferral";
import { acquireCallPermit, type CallPermit, type PermitDecision } from "./acquire-call-permit";
import { classifyCallOutcome, type CallOutcome } from "./classify-call-outcome";
import type { ConnectorRef } from "./connector-of";
import { releaseCallPermit } from "./release-call-permit";

const log = createLogger("connectors", env.LOG_LEVEL);

/**
 * A limit that frees up within this long is waited out in the worker;
 * beyond it the step is deferred (a new job later) so a slot is not held idle.
 */
const MAX_IN_PROCESS_WAIT_MS = 2_000;
/** Covers the OAuth2 token fetch and the one repeat after a refused token, on top of the call. */
const LEASE_MARGIN_MS = 30_000;

export type WithCallPermitOptions = {
  /** Null when the call has no connector (an unparseable URL fails before sending). */
  connector: ConnectorRef | null;
  /** The call's own timeout; the permit's lease is sized from it. */
  callTimeoutMs: number;
  signal?: AbortSignal;
};

/**
 * Makes a call under its connector's limits (R10, R11): waits briefly for
 * a permit, or throws StepDeferral (before anything is sent, so no attempt
 * is used) when the connector is paused, told us to wait (Retry-After),
 * has its breaker open, or stays at its limits. The permit is returned
 * with the call's outcome whatever happens.
 */
export async function withCallPermit<T extends { result: HttpCallResult }>({ connector, callTimeoutMs, signal }: WithCallPermitOptions, call: () => Promise<T>): Promise<T> {
  if (connector === null) return call();
  const permit = await waitForPermit(connector, 2 * callTimeoutMs + LEASE_MARGIN_MS, signal);
  let outcome: CallOutcome = { breaker: null };
  try {
    const value = await call();
    outcome = classifyCallOutcome(value.result.ok ? null : value.result.failure);
    return value;
  } catch (error) {
    // Thrown classified failures count too: an OAuth2 token refused for good is an auth failure (R8).
    outcome = classifyCallOutcome(error instanceof StepFailureError ? error.failure : undefined);
    throw error;
  } finally {
    await releaseQuietly(permit, outcome);
  }
}

async function waitForPermit(connector: ConnectorRef, leaseMs: number, signal: AbortSignal | undefined): Promise<CallPermit> {
  let waitedMs = 0;
  for (;;) {
    const decision = await askForPermit(connector, leaseMs);
    if (decision.granted) return decision.permit;
    // In-flight slots free at unpredictable moments: a little jitter keeps waiting workers from asking in lockstep.
    const pauseMs = decision.retryInMs + (decision.reason === "connector_limit" ? Math.floor(Math.random() * 100) : 0);
    const canWait = decision.reason === "connector_limit" && waitedMs + pauseMs <= MAX_IN_PROCESS_WAIT_MS && !signal?.aborted;
    if (!canWait) throw new StepDeferral(deferralDelay(decision), decision.reason);
    await sleep(pauseMs, undefined, { signal }).catch(() => undefined);
    waitedMs += pauseMs;
  }
}

/** Deferred limit waits are spread over a second, so the deferred steps do not all come back at once. */
function deferralDelay(decision: Extract<PermitDecision, { granted: false }>): number {
  return decision.reason === "connector_limit" ? Math.max(decision.retryInMs, 500) + Math.floor(Math.random() * 1_000) : decision.retryInMs;
}

async function askForPermit(connector: ConnectorRef, leaseMs: number): Promise<PermitDecision> {
  try {
    return await acquireCallPermit({ connector, leaseMs });
  } catch (error) {
    // Nothing was sent, so the step can safely be retried once the database answers again.
    const message = `the limits of connector ${connector.key} could not be checked: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
    throw new StepFailureError({ class: "temporary", code: "connector_state_unavailable", message: message.slice(0, 300) });
  }
}

/**
 * The call's result matters more than the bookkeeping: should the database
 * fail here, the permit still ends with its lease, and the outcome is only
 * missing from the breaker's count, so the error is logged, not thrown.
 */
async function releaseQuietly(permit: CallPermit, outcome: CallOutcome): Promise<void> {
  try {
    await releaseCallPermit(permit, outcome);
  } catch (error) {
    log.warn({ err: error, connector: permit.connector.key, outcome }, "connector permit could not be returned; it expires with its lease");
  }
}
