"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import type { ReplayPlan } from "@/lib/runs/plan-replay";
import type { ReplayVersion } from "@/lib/runs/schema";
import { postRunAction } from "@/components/runs/post-run-action";
import { ReplayActionDialog } from "@/components/runs/replay-action-dialog";
import { Button } from "@/components/ui/button";

type RunActionsProps = {
  runId: string;
  status: RunStatus;
  /** What the viewer's role allows; a refused action's button stays visible, disabled, with the reason as its tooltip. */
  allowed: { retry: boolean; replay: boolean; cancel: boolean };
  replayPlan: ReplayPlan;
};

const RETRYABLE: RunStatus[] = ["failed", "needs_review"];
const UNFINISHED: RunStatus[] = ["queued", "running", "waiting_retry", "needs_review"];
const FINAL: RunStatus[] = ["succeeded", "failed", "cancelled", "skipped_duplicate", "skipped_stale", "needs_review"];

/** Why a button is disabled, or undefined when it may be used. */
function refusal(allowed: boolean, applies: boolean, role: string, state: string): string | undefined {
  if (!allowed) return role;
  return applies ? undefined : state;
}

/** Retry, replay and cancel on the run page; each asks for confirmation, and the server decides (409 on a double click). */
export function RunActions({ runId, status, allowed, replayPlan }: RunActionsProps) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [replaying, setReplaying] = useState(false);
  // Set synchronously, before React re-renders the buttons disabled: the second click of a double click is ignored here
  // (and would get a 409 from the server anyway).
  const busy = useRef(false);

  async function run(path: string, body: unknown, done: (data: { run: { id: string } }) => string) {
    busy.current = true;
    setPending(true);
    const result = await postRunAction<{ run: { id: string } }>(`/api/v1/runs/${runId}/${path}`, body);
    busy.current = false;
    setPending(false);
    setMessage(result.ok ? { ok: true, text: done(result.data) } : { ok: false, text: result.message });
    if (result.ok) router.refresh();
  }

  const retryRefused = refusal(allowed.retry, RETRYABLE.includes(status), "Your role may not retry runs", "Only failed or needs-review runs can be retried");
  const replayRefused = refusal(allowed.replay, FINAL.includes(status), "Your role may not replay runs", "Only finished runs can be replayed");
  const cancelRefused = refusal(allowed.cancel, UNFINISHED.includes(status), "Your role may not cancel runs", "This run has already ended");

  function retry() {
    if (busy.current || !window.confirm("Retry this run from its failed step, on the same flow version and with the same idempotency keys?")) return;
    void run("retry", undefined, () => "Retry queued: the run continues from its failed step.");
  }
  function cancel() {
    if (busy.current || !window.confirm("Cancel this run? It stops at its next step; a call already in flight completes.")) return;
    void run("cancel", undefined, () => "Run cancelled.");
  }
  function replay(version: ReplayVersion) {
    setReplaying(false);
    void run("replay", { version }, (data) => `Replay started as run ${data.run.id.slice(0, 8)}.`);
  }

  return (
    <div className="flex flex-col items-end gap-2" data-testid="run-actions">
      <div className="flex gap-2">
        <Button variant="secondary" onClick={retry} disabled={pending || !!retryRefused} title={retryRefused}>
          Retry
        </Button>
        <Button variant="secondary" onClick={() => setReplaying(true)} disabled={pending || !!replayRefused} title={replayRefused}>
          Replay…
        </Button>
        <Button variant="danger" onClick={cancel} disabled={pending || !!cancelRefused} title={cancelRefused}>
          Cancel
        </Button>
      </div>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-emerald-700" : "text-red-700"}`}>
          {message.text}
        </p>
      ) : null}
      {replaying ? <ReplayActionDialog plan={replayPlan} pending={pending} onConfirm={replay} onClose={() => setReplaying(false)} /> : null}
    </div>
  );
}
