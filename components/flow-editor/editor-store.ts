import type { EdgeChange, NodeChange } from "@xyflow/react";
import { createStore } from "zustand/vanilla";
import type { EditorLinkTarget } from "@/lib/flows/resolve-editor-link";
import type { NodeKind } from "@/lib/flows/schema";
import type { GraphProblem } from "@/lib/flows/validate-graph";
import type { DryRunResult, VersionSummary } from "@/components/flow-editor/api/types";
import { initialEditorState, type EditorState, type InitialEditorState, type Overlay, type PanelTab, type SaveState } from "@/components/flow-editor/editor-state";
import { addNode } from "@/components/flow-editor/model/add-node";
import { autoLayout } from "@/components/flow-editor/model/auto-layout";
import { connectNodes, type ConnectRequest } from "@/components/flow-editor/model/connect-nodes";
import { copySelection } from "@/components/flow-editor/model/copy-selection";
import { deleteElements } from "@/components/flow-editor/model/delete-elements";
import { groupProblems } from "@/components/flow-editor/model/group-problems";
import { recordChange, redo, undo } from "@/components/flow-editor/model/history";
import { applyCanvasChanges } from "@/components/flow-editor/model/apply-canvas-changes";
import { pasteNodes } from "@/components/flow-editor/model/paste-nodes";
import type { CanvasNode } from "@/components/flow-editor/model/to-canvas-elements";
import { isDraftConfig, type DraftGraph, type Position } from "@/components/flow-editor/model/types";

export type EditorActions = {
  addNodeAt: (kind: NodeKind, position: Position) => void;
  connect: (request: ConnectRequest) => void;
  deleteSelection: () => void;
  applyNodeChanges: (changes: NodeChange<CanvasNode>[]) => void;
  applyEdgeChanges: (changes: EdgeChange[]) => void;
  endDrag: () => void;
  updateNode: (nodeId: string, patch: { config?: unknown; label?: string }) => void;
  copy: () => void;
  paste: () => void;
  undo: () => void;
  redo: () => void;
  layout: () => void;
  setSample: (sample: unknown) => void;
  /** Someone else's draft (reload) or an imported file: undoable, and already saved. */
  replaceDraft: (graph: DraftGraph, revision: number, sample: unknown) => void;
  focusNode: (nodeId: string) => void;
  setProblems: (problems: GraphProblem[]) => void;
  setSave: (save: SaveState) => void;
  saveSucceeded: (revision: number, sentChangeCount: number) => void;
  /** "Overwrite with mine": save the local draft over the newer revision. */
  overwriteRevision: (currentRevision: number) => void;
  setDryRun: (result: DryRunResult | null) => void;
  setOverlay: (overlay: Overlay | null) => void;
  setPanel: (panel: PanelTab) => void;
  setNotice: (notice: string | null) => void;
  setVersions: (versions: VersionSummary[], publishedVersionId: string | null) => void;
  /** Opens what a link asked for: the version read-only (as the versions panel's View does) and the node selected and centred. */
  openLinked: (target: EditorLinkTarget) => void;
};

export type EditorStore = EditorState & EditorActions;
export type EditorStoreApi = ReturnType<typeof createEditorStore>;

const PASTE_OFFSET = 40;

/** One store per editor instance (not a module singleton, which would leak between pages and server renders). */
export function createEditorStore(initial: InitialEditorState) {
  return createStore<EditorStore>()((set, get) => {
    const editable = () => !get().readOnly && get().overlay === null;

    /** Applies an edit as one undo step and marks the draft as needing a save. */
    const commit = (graph: DraftGraph, extra: Partial<EditorState> = {}, coalesceKey?: string) => {
      const state = get();
      if (graph === state.graph) return set(extra);
      set({
        graph,
        history: recordChange(state.history, state.graph, { now: Date.now(), coalesceKey }),
        changeCount: state.changeCount + 1,
        save: pendingSave(state.save),
        notice: null,
        ...extra,
      });
    };

    const step = (move: typeof undo) => {
      const state = get();
      const result = editable() ? move(state.history, state.graph) : null;
      if (!result) return;
      const ids = new Set(result.graph.nodes.map((node) => node.id));
      set({
        graph: result.graph,
        history: result.history,
        selectedNodeIds: state.selectedNodeIds.filter((id) => ids.has(id)),
        selectedEdgeIds: [],
        changeCount: state.changeCount + 1,
        save: pendingSave(state.save),
      });
    };

    return {
      ...initialEditorState(initial),
      addNodeAt: (kind, position) => {
        if (!editable()) return;
        const { graph, node } = addNode(get().graph, kind, position);
        commit(graph, { selectedNodeIds: [node.id], selectedEdgeIds: [], panel: "inspector" });
      },
      connect: (request) => {
        if (!editable()) return;
        const result = connectNodes(get().graph, request);
        if (result.ok) commit(result.graph);
        else set({ notice: result.reason });
      },
      deleteSelection: () => {
        const { graph, selectedNodeIds, selectedEdgeIds } = get();
        if (!editable()) return;
        commit(deleteElements(graph, { nodeIds: selectedNodeIds, edgeIds: selectedEdgeIds }), { selectedNodeIds: [], selectedEdgeIds: [] });
      },
      applyNodeChanges: (changes) => {
        const state = get();
        const result = applyCanvasChanges(state, changes, editable());
        if (result.moved && state.dragStart === null && !result.dragging) {
          // A keyboard nudge (arrow keys) is a move of its own, not part of a drag.
          return commit(result.graph, { selectedNodeIds: result.selectedNodeIds, measured: result.measured }, "nudge");
        }
        set({
          graph: result.graph,
          selectedNodeIds: result.selectedNodeIds,
          measured: result.measured,
          dragStart: result.dragging && state.dragStart === null ? state.graph : state.dragStart,
          ...(result.selectedOne && state.panel !== "test" ? { panel: "inspector" as const } : {}),
        });
      },
      applyEdgeChanges: (changes) => {
        const selected = new Set(get().selectedEdgeIds);
        for (const change of changes) {
          if (change.type !== "select") continue;
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
        set({ selectedEdgeIds: [...selected] });
      },
      endDrag: () => {
        const { dragStart, graph, history, changeCount, save } = get();
        if (dragStart === null) return;
        if (dragStart === graph) return set({ dragStart: null });
        set({ dragStart: null, history: recordChange(history, dragStart, { now: Date.now() }), changeCount: changeCount + 1, save: pendingSave(save) });
      },
      updateNode: (nodeId, patch) => {
        if (!editable()) return;
        const graph = get().graph;
        const { config, label } = patch;
        const nodes = graph.nodes.map((node) => {
          if (node.id !== nodeId) return node;
          // An empty label falls back to the node id on the card, so it is dropped rather than saved as "".
          const next = { ...node, ...(isDraftConfig(config) ? { config } : {}), ...(label === undefined ? {} : { label: label || undefined }) };
          if (next.label === undefined) delete next.label;
          return next;
        });
        commit({ ...graph, nodes }, {}, `node:${nodeId}`);
      },
      copy: () => {
        const { graph, selectedNodeIds } = get();
        const clipboard = copySelection(graph, selectedNodeIds);
        if (clipboard) set({ clipboard, pasteCount: 0 });
      },
      paste: () => {
        const { clipboard, graph, pasteCount } = get();
        if (!clipboard || !editable()) return;
        const offset = PASTE_OFFSET * (pasteCount + 1);
        const result = pasteNodes(graph, clipboard, { x: offset, y: offset });
        commit(result.graph, { selectedNodeIds: result.nodeIds, selectedEdgeIds: [], pasteCount: pasteCount + 1 });
      },
      undo: () => step(undo),
      redo: () => step(redo),
      layout: () => {
        const { graph, measured } = get();
        if (editable()) commit(autoLayout(graph, (id) => measured[id]));
      },
      setSample: (sample) => {
        const state = get();
        if (state.readOnly) return;
        set({ sample, changeCount: state.changeCount + 1, save: pendingSave(state.save) });
      },
      replaceDraft: (graph, revision, sample) => {
        commit(graph, { selectedNodeIds: [], selectedEdgeIds: [] });
        set({ revision, sample, savedChangeCount: get().changeCount, save: { status: "saved" } });
      },
      focusNode: (nodeId) => set({ selectedNodeIds: [nodeId], selectedEdgeIds: [], focus: { nodeId, seq: (get().focus?.seq ?? 0) + 1 } }),
      setProblems: (problems) => set({ problems, problemsByNode: groupProblems(problems, get().problemsByNode) }),
      setSave: (save) => set({ save }),
      saveSucceeded: (revision, sentChangeCount) => {
        const { changeCount, savedChangeCount } = get();
        set({ revision, savedChangeCount: Math.max(savedChangeCount, sentChangeCount), save: sentChangeCount >= changeCount ? { status: "saved" } : { status: "unsaved" } });
      },
      overwriteRevision: (currentRevision) => set({ revision: currentRevision, save: { status: "unsaved" }, changeCount: get().changeCount + 1 }),
      setDryRun: (result) => {
        if (!result) return set({ dryRun: null });
        const statusByNode = Object.fromEntries(result.steps.map((step) => [step.nodeId, step.status]));
        set({ dryRun: { result, changeCount: get().changeCount, statusByNode }, panel: "test" });
      },
      setOverlay: (overlay) => set({ overlay, selectedNodeIds: [], selectedEdgeIds: [] }),
      setPanel: (panel) => set({ panel }),
      setNotice: (notice) => set({ notice }),
      setVersions: (versions, publishedVersionId) => set({ versions, publishedVersionId }),
      openLinked: ({ version, nodeId, notice }) => {
        const actions = get();
        if (version) actions.setOverlay({ mode: "view", version });
        if (nodeId) actions.focusNode(nodeId);
        set({ notice });
      },
    };
  });
}

/** A conflict or a failed save stays on screen until it is resolved; otherwise the draft is now unsaved. */
function pendingSave(save: SaveState): SaveState {
  return save.status === "conflict" || save.status === "error" ? save : { status: "unsaved" };
}
