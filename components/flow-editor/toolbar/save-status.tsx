"use client";

import { useEditorStore } from "@/components/flow-editor/editor-store-context";
import type { SaveState } from "@/components/flow-editor/editor-state";

const TEXT: Record<SaveState["status"], (save: SaveState) => string> = {
  saved: () => "Saved",
  saving: () => "Saving…",
  unsaved: () => "Unsaved changes",
  error: (save) => `Save failed: ${save.status === "error" ? save.message : ""} (retrying)`,
  conflict: () => "Not saved: someone else saved this draft",
};

const TONE: Record<SaveState["status"], string> = {
  saved: "text-emerald-700",
  saving: "text-slate-600",
  unsaved: "text-slate-600",
  error: "text-red-700",
  conflict: "text-red-700",
};

export function SaveStatus() {
  const save = useEditorStore((state) => state.save);
  const readOnly = useEditorStore((state) => state.readOnly);
  if (readOnly) return <span className="text-sm text-slate-500" data-testid="save-status">Read-only</span>;
  return (
    <span role="status" aria-live="polite" data-testid="save-status" data-save-status={save.status} className={`max-w-xs truncate text-sm ${TONE[save.status]}`} title={TEXT[save.status](save)}>
      {TEXT[save.status](save)}
    </span>
  );
}
