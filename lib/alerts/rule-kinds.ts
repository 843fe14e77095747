import type { RuleKindDefinition } from "./rule-kinds/define-rule-kind";
import { authFailures } from "./rule-kinds/auth-failures";
import { breakerOpen } from "./rule-kinds/breaker-open";
import { deadLettersGrowing } from "./rule-kinds/dead-letters-growing";
import { failureRate } from "./rule-kinds/failure-rate";
import { intakeRejections } from "./rule-kinds/intake-rejections";
import { oldestPending } from "./rule-kinds/oldest-pending";

/** Every alert rule kind: the API's validation, the form's choices and evaluation come from this table. */
export const RULE_KINDS = {
  failure_rate: failureRate,
  dead_letters_growing: deadLettersGrowing,
  oldest_pending: oldestPending,
  breaker_open: breakerOpen,
  auth_failures: authFailures,
  intake_rejections: intakeRejections,
} as const satisfies Record<string, RuleKindDefinition>;

export type RuleKind = keyof typeof RULE_KINDS;
export const RULE_KIND_NAMES = Object.keys(RULE_KINDS) as [RuleKind, ...RuleKind[]];
