"use client";

import { useEffect } from "react";
import type { EditorStoreApi } from "@/components/flow-editor/editor-store";
import { isTypingTarget, shortcutFor } from "@/components/flow-editor/model/shortcut-for";

/** Keyboard commands of the canvas, on the window so they work wherever focus is, except while typing. */
export function useEditorShortcuts(store: EditorStoreApi) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target as HTMLElement | null)) return;
      const shortcut = shortcutFor(event);
      if (!shortcut) return;
      const state = store.getState();
      // Plain Ctrl+C on selected page text still copies the text.
      if (shortcut === "copy" && (state.selectedNodeIds.length === 0 || window.getSelection()?.toString())) return;
      if (shortcut === "delete" && state.selectedNodeIds.length === 0 && state.selectedEdgeIds.length === 0) return;
      event.preventDefault();
      const run = { undo: state.undo, redo: state.redo, copy: state.copy, paste: state.paste, delete: state.deleteSelection };
      run[shortcut]();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store]);
}
