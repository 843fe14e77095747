// Keyed by every run, step, attempt and flow status the app stores; an
// unknown value still renders (grey) so a new status never breaks a page.
const TONES: Record<string, string> = {
  succeeded: "bg-emerald-100 text-emerald-800",
  active: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
  waiting_retry: "bg-amber-100 text-amber-800",
  needs_review: "bg-orange-100 text-orange-800",
  skipped_duplicate: "bg-slate-200 text-slate-700",
  skipped_stale: "bg-slate-200 text-slate-700",
  paused: "bg-amber-100 text-amber-800",
  running: "bg-sky-100 text-sky-800",
  queued: "bg-slate-200 text-slate-700",
  skipped: "bg-slate-200 text-slate-700",
  cancelled: "bg-slate-200 text-slate-700",
  disabled: "bg-slate-200 text-slate-700",
  // Alert rule states.
  firing: "bg-red-100 text-red-800",
  ok: "bg-emerald-100 text-emerald-800",
};

export function StatusBadge({ status }: { status: string }) {
  const tone = TONES[status] ?? "bg-slate-100 text-slate-700";
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${tone}`}>{status}</span>;
}
