/** Units the dedup window is entered in; the config stores seconds. */
export const WINDOW_UNITS = { seconds: 1, minutes: 60, hours: 3_600, days: 86_400 } as const;
export type WindowUnit = keyof typeof WINDOW_UNITS;

/** 3024000 → { amount: 35, unit: "days" }: the largest unit that shows the window exactly. */
export function splitWindow(seconds: number): { amount: number; unit: WindowUnit } {
  for (const unit of ["days", "hours", "minutes"] as const) {
    const size = WINDOW_UNITS[unit];
    if (seconds > 0 && seconds % size === 0) return { amount: seconds / size, unit };
  }
  return { amount: seconds, unit: "seconds" };
}

/** Rounded to whole seconds, which is what the schema accepts (1.5 minutes is fine, 0.5 seconds is not). */
export function toWindowSeconds(amount: number, unit: WindowUnit): number {
  return Math.round(amount * WINDOW_UNITS[unit]);
}
