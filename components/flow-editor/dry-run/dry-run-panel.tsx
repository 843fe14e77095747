"use client";

import { useState } from "react";
import { runDryRun } from "@/components/flow-editor/api/editor-api";
import { useEditorStore, useEditorStoreApi } from "@/components/flow-editor/editor-store-context";
import { DryRunStepCard } from "@/components/flow-editor/dry-run/dry-run-step";
import { usePendingAction } from "@/components/flow-editor/hooks/use-pending-action";
import { SampleEditor } from "@/components/flow-editor/dry-run/sample-editor";
import { toDefinition } from "@/components/flow-editor/model/types";
import { Button } from "@/components/ui/button";

/**
 * "Test with sample": the server runs the draft on the canvas against the
 * sample with no external effect, and each step's outcome shows here and as
 * a colour on its card.
 */
export function DryRunPanel() {
  const store = useEditorStoreApi();
  const dryRun = useEditorStore((state) => state.dryRun);
  const stale = useEditorStore((state) => state.dryRun !== null && state.dryRun.changeCount !== state.changeCount);
  const hasSample = useEditorStore((state) => state.sample !== undefined);
  const [allowReadOnlyCalls, setAllowReadOnlyCalls] = useState(false);
  const { pending, error, run } = usePendingAction();

  const test = () =>
    run(async () => {
      const { flowId, graph, sample } = store.getState();
      store.getState().setDryRun(await runDryRun(flowId, { definition: toDefinition(graph), sample, allowReadOnlyCalls }));
    }, "The test run failed");

  return (
    <div className="space-y-3" data-testid="dry-run-panel">
      <SampleEditor />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" checked={allowReadOnlyCalls} onChange={(event) => setAllowReadOnlyCalls(event.target.checked)} className="mt-1" />
        <span>
          Allow read-only calls
          <span className="block text-xs text-slate-500">Lookups (GET) may call the target to find records. Nothing is ever created or changed.</span>
        </span>
      </label>
      <div className="flex items-center gap-2">
        <Button onClick={() => void test()} disabled={pending || !hasSample} title={hasSample ? undefined : "Paste a sample event or load the last one first"}>
          {pending ? "Testing…" : "Test with sample"}
        </Button>
        {dryRun ? (
          <Button variant="secondary" onClick={() => store.getState().setDryRun(null)}>
            Clear result
          </Button>
        ) : null}
      </div>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      {dryRun ? (
        <section className="space-y-2" aria-label="Test result">
          {stale ? <p className="text-xs text-amber-700">The draft changed since this test; run it again to see the current behaviour.</p> : null}
          {dryRun.result.problems.length > 0 ? (
            <p className="text-xs text-amber-800">
              {dryRun.result.problems.length} problem{dryRun.result.problems.length === 1 ? "" : "s"} would block publishing (see Problems).
            </p>
          ) : null}
          <ol className="space-y-2">
            {dryRun.result.steps.map((step) => (
              <DryRunStepCard key={step.nodeId} step={step} />
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
