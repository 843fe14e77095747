"use client";

import { useEffect, useState } from "react";
import type { BulkReplayState } from "@/lib/generated/prisma/enums";
import type { BulkReplayProgress as Progress } from "@/lib/runs/read-bulk-replay-progress";
import type { BulkReplayAction } from "@/lib/runs/schema";
import { postRunAction } from "@/components/runs/post-run-action";
import { Button } from "@/components/ui/button";

export type BulkReplayView = { id: string; state: BulkReplayState; reason: string | null; progress: Progress };

type BulkReplayProgressProps = {
  replay: BulkReplayView;
  /** Whether the viewer may steer it (runs.replay); otherwise the buttons are disabled with the reason. */
  allowed: boolean;
};

const ACTIVE: BulkReplayState[] = ["running", "waiting_canary"];
const POLL_MS = 2000;

/**
 * One bulk replay's progress bar with pause, resume and cancel. It polls
 * while the replay can still change by itself; a paused or finished one
 * waits for a button.
 */
export function BulkReplayProgress({ replay: initial, allowed }: BulkReplayProgressProps) {
  const [replay, setReplay] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const live = ACTIVE.includes(replay.state) || replay.progress.inFlight > 0;
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/v1/replays/${replay.id}`).catch(() => null);
      if (response?.ok) setReplay(((await response.json()) as { replay: BulkReplayView }).replay);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [replay.id, live]);

  async function act(action: BulkReplayAction, body?: { cancelRuns: true }) {
    setPending(true);
    const result = await postRunAction<{ replay: BulkReplayView }>(`/api/v1/replays/${replay.id}/${action}`, body);
    setPending(false);
    if (result.ok) setReplay(result.data.replay);
    setError(result.ok ? null : result.message);
  }

  const { progress } = replay;
  const done = progress.succeeded + progress.failed;
  const reason = allowed ? undefined : "Your role may not replay runs";
  const cancellable = [...ACTIVE, "paused"].includes(replay.state);
  return (
    <div className="space-y-2">
      <p data-testid="bulk-replay-state">
        {replay.state.replace("_", " ")}: {done} of {progress.total} finished ({progress.succeeded} succeeded, {progress.failed} not), {progress.replayed} replayed so far
      </p>
      <progress className="w-full" max={progress.total || 1} value={done} />
      {replay.reason ? <p className="text-red-700">{replay.reason}</p> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => act("pause")} disabled={!allowed || pending || !ACTIVE.includes(replay.state)} title={reason}>
          Pause
        </Button>
        <Button variant="secondary" onClick={() => act("resume")} disabled={!allowed || pending || replay.state !== "paused"} title={reason}>
          Resume
        </Button>
        <Button variant="danger" onClick={() => act("cancel")} disabled={!allowed || pending || !cancellable} title={reason ?? "Replays no more runs; those already replayed go on"}>
          Cancel
        </Button>
        {progress.inFlight > 0 ? (
          <Button
            variant="danger"
            onClick={() => window.confirm(`Cancel this bulk replay and its ${progress.inFlight} runs still in flight? A running one stops after its current step.`) && act("cancel", { cancelRuns: true })}
            disabled={!allowed || pending || !cancellable}
            title={reason}
          >
            Cancel and stop its runs
          </Button>
        ) : null}
      </div>
      {error ? <p role="alert" className="text-red-700">{error}</p> : null}
    </div>
  );
}
