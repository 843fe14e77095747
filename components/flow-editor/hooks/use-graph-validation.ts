"use client";

import { useEffect } from "react";
import { useStore } from "zustand";
import { validateGraph } from "@/lib/flows/validate-graph";
import type { EditorStoreApi } from "@/components/flow-editor/editor-store";
import { toDefinition } from "@/components/flow-editor/model/types";

/** Quiet time after the last edit before the whole graph is re-validated; keeps typing smooth on big flows. */
const VALIDATE_AFTER_MS = 150;

/**
 * Runs the publish validator (pure, the same code the server runs) on the
 * draft after every change, for the card badges, the problems list and the
 * Publish button. Skipped mid-drag: a move cannot change validity.
 */
export function useGraphValidation(store: EditorStoreApi) {
  const graph = useStore(store, (state) => state.graph);
  const dragging = useStore(store, (state) => state.dragStart !== null);
  useEffect(() => {
    if (dragging) return;
    const timer = setTimeout(() => store.getState().setProblems(validateGraph(toDefinition(graph)).problems), VALIDATE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [graph, dragging, store]);
}
