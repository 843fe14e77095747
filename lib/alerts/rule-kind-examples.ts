import type { RuleKind } from "./rule-kinds";

/** An example of each kind's params, for the form's hint; kept beside the registry so a new kind must add one. */
export const RULE_KIND_EXAMPLES: Record<RuleKind, string> = {
  failure_rate: '{"percent": 50, "windowMinutes": 15, "minRuns": 5}',
  dead_letters_growing: '{"count": 10, "windowMinutes": 30}',
  oldest_pending: '{"olderThanMinutes": 10}',
  breaker_open: '{"openLongerThanMinutes": 5}',
  auth_failures: '{"windowMinutes": 15}',
  intake_rejections: '{"count": 20, "windowMinutes": 5}',
};
