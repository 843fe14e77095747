import type { z } from "zod";
import type { DbTransaction } from "@/lib/db";

/** What a rule's check reads: the database (inside the evaluation's transaction), the clock and its scope. */
export type RuleContext<P> = { tx: DbTransaction; now: Date; params: P; flowId: string | null; connectorKey: string | null };
export type RuleVerdict = { firing: boolean; summary: string };

export type RuleKindDefinition = {
  label: string;
  /** Validates `params` on the way in (API) and on the way out (evaluation). */
  params: z.ZodType;
  evaluate: (ctx: RuleContext<unknown>) => Promise<RuleVerdict>;
};

/**
 * Wraps a kind's typed check so every registry entry has one shape: the
 * stored params are parsed again when read, so a row edited by hand fails
 * loudly for its rule instead of evaluating garbage.
 */
export function defineRuleKind<S extends z.ZodType>(definition: {
  label: string;
  params: S;
  evaluate: (ctx: RuleContext<z.output<S>>) => Promise<RuleVerdict>;
}): RuleKindDefinition {
  return {
    label: definition.label,
    params: definition.params,
    evaluate: (ctx) => definition.evaluate({ ...ctx, params: definition.params.parse(ctx.params) }),
  };
}

/** `since` for a window of `minutes` ending at `now`. */
export function minutesBefore(now: Date, minutes: number): Date {
  return new Date(now.getTime() - minutes * 60_000);
}
