"use client";

import { useEditorStore, useEditorStoreApi } from "@/components/flow-editor/editor-store-context";
import { Button } from "@/components/ui/button";

const describeEnd = (end: number | "draft") => (end === "draft" ? "the draft" : `v${end}`);

/** Says what the canvas shows when it is not the draft, with the way back. */
export function OverlayBanner() {
  const store = useEditorStoreApi();
  const overlay = useEditorStore((state) => state.overlay);
  if (!overlay) return null;
  const text =
    overlay.mode === "view"
      ? `Viewing v${overlay.version.number} (read-only)${overlay.version.message ? `: ${overlay.version.message}` : ""}`
      : `Comparing ${describeEnd(overlay.from)} → ${describeEnd(overlay.to)}: ${overlay.diff.nodes.added.length} added, ${overlay.diff.nodes.changed.length} changed, ${overlay.diff.nodes.removed.length} removed (read-only)`;
  return (
    <div role="status" data-testid="overlay-banner" className="flex items-center gap-3 border-b border-sky-200 bg-sky-50 px-4 py-1.5 text-sm text-sky-900">
      <span>{text}</span>
      <Button variant="secondary" className="ml-auto" onClick={() => store.getState().setOverlay(null)}>
        Back to draft
      </Button>
    </div>
  );
}
