"use client";

import { useState } from "react";
import type { ReplayPlan } from "@/lib/runs/plan-replay";
import type { ReplayEffect } from "@/lib/runs/describe-replay-effects";
import type { ReplayVersion } from "@/lib/runs/schema";
import { Button } from "@/components/ui/button";

const PROTECTION: Record<ReplayEffect["protection"], string> = {
  "idempotency-key": "protected: the target honours the idempotency key and returns the record it already made",
  lookup: "looked up first by external id; created only if absent",
  none: "NOT protected: the target ignores idempotency keys, so this call may create a second record",
};

type ReplayActionDialogProps = { plan: ReplayPlan; pending: boolean; onConfirm: (version: ReplayVersion) => void; onClose: () => void };

/** The replay confirmation (R17): an explicit version choice and the calls that will be sent again, each with what protects it. */
export function ReplayActionDialog({ plan, pending, onConfirm, onClose }: ReplayActionDialogProps) {
  const [version, setVersion] = useState<ReplayVersion>("same");
  const target = version === "latest" && plan.latest ? plan.latest : plan.same;
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="replay-title" className="fixed inset-0 z-20 flex items-center justify-center bg-slate-900/30 p-4">
      <div className="w-full max-w-lg space-y-4 rounded-lg bg-white p-5 shadow-lg">
        <h2 id="replay-title" className="text-lg font-semibold">Replay this run</h2>
        <p className="text-sm text-slate-600">A new run of the same event starts with fresh steps. Every call uses the same idempotency key as before.</p>
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">Flow version</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="version" checked={version === "same"} onChange={() => setVersion("same")} />
            The version it ran on (v{plan.same.versionNumber})
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="version" disabled={!plan.latest} checked={version === "latest"} onChange={() => setVersion("latest")} />
            The latest published version {plan.latest ? `(v${plan.latest.versionNumber})` : "(none published)"}
          </label>
        </fieldset>
        <div className="text-sm">
          <p className="font-medium">Calls that will be sent again</p>
          {target.effects.length === 0 ? <p className="text-slate-600">None: this version makes no writing calls.</p> : null}
          <ul className="mt-1 space-y-1" data-testid="replay-effects">
            {target.effects.map((effect) => (
              <li key={effect.nodeId} className={effect.protection === "none" ? "text-red-700" : "text-slate-700"}>
                <span className="font-mono">{effect.method}</span> {effect.label}: {PROTECTION[effect.protection]}
              </li>
            ))}
          </ul>
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Close
          </Button>
          <Button onClick={() => onConfirm(version)} disabled={pending}>
            Replay on v{target.versionNumber}
          </Button>
        </div>
      </div>
    </div>
  );
}
