"use client";

import { useState } from "react";
import type { ReplayVersion, RunFilter } from "@/lib/runs/schema";
import { BulkReplayProgress, type BulkReplayView } from "@/components/runs/bulk-replay-progress";
import { postRunAction } from "@/components/runs/post-run-action";
import { Button } from "@/components/ui/button";

export type BulkReplayDialogProps = {
  /** The runs list's current filter, as runFilterSchema accepts it (dates as ISO strings are fine). */
  filter: { [K in keyof RunFilter]?: RunFilter[K] | string };
  /** Whether the viewer may replay (runs.replay); otherwise the button is disabled with a tooltip. */
  allowed: boolean;
};

/**
 * "Replay these runs": starts a bulk replay of the finished runs matching
 * `filter` (failed and needs-review ones unless it names statuses), with an
 * optional canary, then shows its progress with pause, resume and cancel.
 */
export function BulkReplayDialog({ filter, allowed }: BulkReplayDialogProps) {
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState<ReplayVersion>("same");
  const [canary, setCanary] = useState("2");
  const [replay, setReplay] = useState<BulkReplayView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function start() {
    setPending(true);
    const result = await postRunAction<{ replay: BulkReplayView }>("/api/v1/replays", { filter, version, ...(canary.trim() ? { canary: Number(canary) } : {}) });
    setPending(false);
    if (result.ok) setReplay(result.data.replay);
    setError(result.ok ? null : result.message);
  }

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} disabled={!allowed} title={allowed ? undefined : "Your role may not replay runs"}>
        Replay these runs…
      </Button>
    );
  }
  return (
    <div role="dialog" aria-labelledby="bulk-replay-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow" data-testid="bulk-replay">
      <h2 id="bulk-replay-title" className="font-semibold">Replay the runs matching this filter</h2>
      {!replay ? (
        <>
          <p className="text-slate-600">Each run is replayed as a new run of its event with the same idempotency keys; targets that honour them return the records they already made.</p>
          <label className="flex items-center gap-2">
            <input type="radio" checked={version === "same"} onChange={() => setVersion("same")} /> Each run&apos;s own flow version
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" checked={version === "latest"} onChange={() => setVersion("latest")} /> The latest published version
          </label>
          <label className="flex items-center gap-2">
            Canary: replay first
            <input className="w-16 rounded border border-slate-300 px-1" inputMode="numeric" value={canary} onChange={(event) => setCanary(event.target.value)} />
            runs, the rest only if they all succeed (empty: no canary)
          </label>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>Close</Button>
            <Button onClick={start} disabled={pending}>Start replay</Button>
          </div>
        </>
      ) : (
        <BulkReplayProgress replay={replay} allowed={allowed} />
      )}
      {error ? <p role="alert" className="text-red-700">{error}</p> : null}
    </div>
  );
}
