import type { StepContext } from "@/lib/nodes/types";

/** The parts of a step's context that placeholders can reach. */
export type TemplateSource = Pick<StepContext, "input" | "trigger" | "steps" | "event" | "run" | "idempotencyKey">;

/**
 * The object `{{ placeholders }}` resolve against: the step's input fields
 * at the top level (`{{ title }}`), plus `$trigger`, `$steps`, `$event` and
 * `$run` for anything further back, and `$idempotencyKey` for targets that
 * take the key in the body (e.g. MoySklad's syncId) rather than a header.
 */
export function buildTemplateContext(context: TemplateSource): Record<string, unknown> {
  const input = typeof context.input === "object" && context.input !== null && !Array.isArray(context.input) ? context.input : { value: context.input };
  return { ...input, $trigger: context.trigger, $steps: context.steps, $event: context.event, $run: context.run, $idempotencyKey: context.idempotencyKey };
}
