import type { EditorState } from "@/components/flow-editor/editor-state";
import type { DraftGraph } from "@/components/flow-editor/model/types";

const NO_IDS: readonly string[] = [];

/** The graph on the canvas: the draft, or the version being viewed, or the comparison. Stable references only. */
export function displayedGraph(state: EditorState): DraftGraph {
  if (state.overlay?.mode === "view") return state.overlay.version.definition;
  if (state.overlay?.mode === "compare") return state.overlay.graph;
  return state.graph;
}

export function ghostIdsOf(state: EditorState): readonly string[] {
  return state.overlay?.mode === "compare" ? state.overlay.ghostIds : NO_IDS;
}

export function isEditable(state: EditorState): boolean {
  return !state.readOnly && state.overlay === null;
}
