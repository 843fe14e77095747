import { createRandom } from "../seeded-random";
import type { Fault, FaultPlanFn, ProviderStyle } from "./faults";

/** Named faults a seeded plan can mix; `status-<n>` is a bare status with no Retry-After. */
export type FaultPresetName =
  | "429"
  | "503"
  | "429-date"
  | "503-date"
  | "4xx"
  | "error-in-200"
  | "reset"
  | "reset-before-read"
  | "commit-then-reset"
  | "commit-then-hang"
  | "slow-body"
  | "malformed"
  | "delay"
  | "delay-before-effect";

export type FaultMix = Partial<Record<FaultPresetName | `status-${number}`, number>>;

export type SeededFaultPlan = {
  seed: number;
  /** Probability per request of each fault; they must sum to at most 1, and the rest answers normally. */
  mix: FaultMix;
  /** What 429/503 presets announce (default 1 s; the date presets round up to the next whole second). */
  retryAfterSeconds?: number;
  /** Whose error bodies "4xx" and "error-in-200" imitate (default bitrix24). */
  style?: ProviderStyle;
  slowBody?: { intervalMs: number; chunkBytes?: number };
  delayMs?: number;
  /** How long "delay-before-effect" holds the idempotency key before the effect (default 2000 ms). */
  delayBeforeEffectMs?: number;
  /** "creates" leaves look-ups alone, so a chaos test can measure only the writes (default "all"). */
  appliesTo?: "all" | "creates";
};

export type FaultPlan = FaultPlanFn | SeededFaultPlan;

/**
 * Turns a seeded mix into a per-request decision: one draw per eligible
 * request in arrival order, so the same seed and the same request order give
 * the same faults, and a failing chaos run replays from its seed.
 */
export function createSeededFaultPlan(plan: SeededFaultPlan): FaultPlanFn {
  // Sorted by name: object key order puts integer-like keys ("429") first, which would make the outcome depend on spelling.
  const entries = Object.entries(plan.mix)
    .filter((entry): entry is [string, number] => entry[1] !== undefined && entry[1] > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const total = entries.reduce((sum, [, probability]) => sum + probability, 0);
  if (total > 1 + 1e-9) throw new Error(`fault mix probabilities sum to ${total}, more than 1`);
  const choices = entries.map(([name, probability]) => ({ probability, make: presetFor(name, plan) }));
  const random = createRandom(plan.seed);
  return (request) => {
    if (plan.appliesTo === "creates" && !request.isCreate) return undefined;
    let draw = random.next();
    for (const choice of choices) {
      if (draw < choice.probability) return choice.make();
      draw -= choice.probability;
    }
    return undefined;
  };
}

export function toFaultPlanFn(plan: FaultPlan): FaultPlanFn {
  return typeof plan === "function" ? plan : createSeededFaultPlan(plan);
}

/** Built per request, because a date-valued Retry-After must be in the future when it is sent. */
function presetFor(name: string, plan: SeededFaultPlan): () => Fault {
  const seconds = plan.retryAfterSeconds ?? 1;
  const style = plan.style ?? "bitrix24";
  const dateIn = () => new Date(Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000);
  const status = /^status-(\d{3})$/.exec(name)?.[1];
  if (status !== undefined) return () => ({ type: "status", status: Number(status) });
  switch (name as FaultPresetName) {
    case "429":
      return () => ({ type: "status", status: 429, retryAfter: seconds });
    case "503":
      return () => ({ type: "status", status: 503, retryAfter: seconds });
    case "429-date":
      return () => ({ type: "status", status: 429, retryAfter: dateIn() });
    case "503-date":
      return () => ({ type: "status", status: 503, retryAfter: dateIn() });
    case "4xx":
      return () => ({ type: "provider-error", status: 400, style });
    case "error-in-200":
      return () => ({ type: "error-in-200", style });
    case "slow-body":
      return () => ({ type: "slow-body", ...(plan.slowBody ?? { intervalMs: 20, chunkBytes: 16 }) });
    case "delay":
      return () => ({ type: "delay", ms: plan.delayMs ?? 200 });
    case "delay-before-effect":
      return () => ({ type: "delay-before-effect", ms: plan.delayBeforeEffectMs ?? 2000 });
    case "reset":
    case "reset-before-read":
    case "commit-then-reset":
    case "commit-then-hang":
    case "malformed": {
      const type = name as "reset" | "reset-before-read" | "commit-then-reset" | "commit-then-hang" | "malformed";
      return () => ({ type });
    }
    default:
      throw new Error(`unknown fault in mix: ${name}`);
  }
}
