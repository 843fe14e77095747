import type { NotificationKind } from "./channels/define-channel-kind";

const PREFIX: Record<NotificationKind, string> = {
  firing: "[FIRING]",
  repeat: "[STILL FIRING]",
  resolved: "[RESOLVED]",
  test: "[TEST]",
};

/** One line every channel can show: what state, which rule, what was measured. */
export function formatAlertText({ kind, ruleName, summary }: { kind: NotificationKind; ruleName: string; summary: string }): string {
  return `${PREFIX[kind]} Flowgate alert "${ruleName}": ${summary}`.slice(0, 3500);
}
