import type { FaultMix, SeededFaultPlan } from "@/tests/support/fake-provider";
import { CHAOS_CALL_TIMEOUT_MS } from "@/tests/chaos/build-chaos-flow";

/**
 * Every fault the fake provider offers, per request, about a third of all
 * requests. Left out, because they make success impossible rather than hard
 * and the chaos checks could not tell an engine fault from the flow's:
 * "error-in-200" (a plain http-request node has no connector mapping that
 * reads an error inside a 200, so it would count as done without a record)
 * and "echo" (quotes credentials back: the secret canary tests' fault; this
 * flow has no credential).
 */
export const CHAOS_FAULT_MIX: FaultMix = {
  // Temporary, with Retry-After as seconds and as an HTTP date (R10).
  "429": 0.03,
  "503": 0.03,
  "429-date": 0.01,
  "503-date": 0.01,
  // Temporary, without a delay hint (R9).
  "status-500": 0.02,
  "status-502": 0.02,
  "status-504": 0.01,
  // No effect, connection cut before or after the body was read.
  reset: 0.03,
  "reset-before-read": 0.02,
  // Effect committed, answer lost: ambiguous, retried with the same key (R6, R8).
  "commit-then-reset": 0.03,
  "commit-then-hang": 0.02,
  // Effect committed, answer late or slow.
  "slow-body": 0.02,
  delay: 0.02,
  // The key held in flight past our timeout: a retry meets the provider's 409 "key in use".
  "delay-before-effect": 0.01,
  // 200 with a body that is not JSON, no effect.
  malformed: 0.02,
  // Permanent: a Bitrix24-style 400 and a bare 422, so "permanent failures are visible" has cases.
  "4xx": 0.01,
  "status-422": 0.01,
};

export const EXCLUDED_FAULTS = ["error-in-200", "echo"] as const;

export function buildChaosFaultPlan(seed: number): SeededFaultPlan {
  return {
    seed,
    mix: CHAOS_FAULT_MIX,
    retryAfterSeconds: 1,
    // Longer than our call timeout, so the retry finds the key still in flight.
    delayBeforeEffectMs: CHAOS_CALL_TIMEOUT_MS * 2,
    delayMs: 300,
    slowBody: { intervalMs: 20, chunkBytes: 16 },
  };
}
