/** "840 ms", "3.2 s", "4m 05s"; "—" while unfinished. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  return `${minutes}m ${String(seconds).padStart(2, "0")}s`;
}

export function durationBetween(start: Date | null | undefined, end: Date | null | undefined): number | null {
  return start && end ? end.getTime() - start.getTime() : null;
}
