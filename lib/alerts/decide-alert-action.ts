export type AlertAction = "firing" | "repeat" | "resolved" | null;

export type DecideAlertActionOptions = {
  firing: boolean;
  open: { lastNotifiedAt: Date } | null;
  repeatMinutes: number;
  now: Date;
};

/**
 * The incident state machine: open and say so once, remind every
 * repeatMinutes while it lasts, say when it is over. Pure, so the rule
 * evaluation's transaction is the only place state changes.
 */
export function decideAlertAction({ firing, open, repeatMinutes, now }: DecideAlertActionOptions): AlertAction {
  if (firing && !open) return "firing";
  if (firing && open && now.getTime() - open.lastNotifiedAt.getTime() >= repeatMinutes * 60_000) return "repeat";
  if (!firing && open) return "resolved";
  return null;
}
