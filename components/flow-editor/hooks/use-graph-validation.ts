"use client";

import { useEffect } from "react";
import { useStore } from "zustand";
import type { EditorStoreApi } from "@/components/flow-editor/editor-store";
import { findDraftProblems } from "@/components/flow-editor/model/find-draft-problems";

/** Quiet time after the last edit before the whole graph is re-validated; keeps typing smooth on big flows. */
const VALIDATE_AFTER_MS = 150;

/**
 * Runs the publish checks (pure, the same code the server runs) on the
 * draft after every change, for the card badges, the problems list and the
 * Publish button. Skipped mid-drag: a move cannot change validity.
 */
export function useGraphValidation(store: EditorStoreApi) {
  const graph = useStore(store, (state) => state.graph);
  const dragging = useStore(store, (state) => state.dragStart !== null);
  const unsignedAllowed = useStore(store, (state) => state.unsignedWebhooksAllowed);
  useEffect(() => {
    if (dragging) return;
    const timer = setTimeout(() => store.getState().setProblems(findDraftProblems(graph, unsignedAllowed)), VALIDATE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [graph, dragging, unsignedAllowed, store]);
}
