import type { GraphProblem } from "@/lib/flows/validate-graph";
import type { DefinitionDiff, DiffEnd, DryRunResult, DryRunStatus, VersionDetail, VersionSummary } from "@/components/flow-editor/api/types";
import type { NodeSize } from "@/components/flow-editor/model/auto-layout";
import type { DiffMark } from "@/components/flow-editor/model/compare-graphs";
import type { Clipboard } from "@/components/flow-editor/model/copy-selection";
import type { ProblemsByNode } from "@/components/flow-editor/model/group-problems";
import { EMPTY_HISTORY, type History } from "@/components/flow-editor/model/history";
import type { DraftGraph } from "@/components/flow-editor/model/types";

export type SaveState =
  | { status: "saved" }
  | { status: "unsaved" }
  | { status: "saving" }
  | { status: "error"; message: string }
  | { status: "conflict"; currentRevision: number; message: string };

/** Something other than the draft on the canvas, always read-only. */
export type Overlay =
  | { mode: "view"; version: VersionDetail }
  | { mode: "compare"; from: DiffEnd; to: DiffEnd; diff: DefinitionDiff; graph: DraftGraph; marks: Record<string, DiffMark>; ghostIds: string[] };

export type PanelTab = "inspector" | "problems" | "versions" | "test";

export type EditorState = {
  flowId: string;
  /** No flows.write: nothing can be edited or saved. */
  readOnly: boolean;
  /** An admin allowed this flow to take unsigned webhooks; otherwise the trigger needs a signature to publish. */
  unsignedWebhooksAllowed: boolean;
  graph: DraftGraph;
  history: History;
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  /** Card sizes React Flow measured; kept outside the graph because they are not part of the draft. */
  measured: Record<string, NodeSize>;
  clipboard: Clipboard | null;
  pasteCount: number;
  /** The graph before the drag in progress, recorded as one undo step when it ends. */
  dragStart: DraftGraph | null;
  sample: unknown;
  /** The server's draftRevision the local draft is based on (stale-save detection). */
  revision: number;
  /** Bumped by every change that must reach the server; savedChangeCount is the last one that did. */
  changeCount: number;
  savedChangeCount: number;
  save: SaveState;
  problems: GraphProblem[];
  problemsByNode: ProblemsByNode;
  /** The last test run; changeCount tells whether the draft changed since. */
  dryRun: { result: DryRunResult; changeCount: number; statusByNode: Record<string, DryRunStatus> } | null;
  overlay: Overlay | null;
  versions: VersionSummary[];
  publishedVersionId: string | null;
  panel: PanelTab;
  /** A refused edit ("A node cannot connect to itself") or an outcome ("Published v3"), shown until the next edit. */
  notice: string | null;
  /** Asks the canvas to centre a node (problem list clicks); seq makes a repeated click count. */
  focus: { nodeId: string; seq: number } | null;
};

export type InitialEditorState = Pick<EditorState, "flowId" | "readOnly" | "unsignedWebhooksAllowed" | "graph" | "sample" | "revision" | "versions" | "publishedVersionId">;

export function initialEditorState(initial: InitialEditorState): EditorState {
  return {
    ...initial,
    history: EMPTY_HISTORY,
    selectedNodeIds: [],
    selectedEdgeIds: [],
    measured: {},
    clipboard: null,
    pasteCount: 0,
    dragStart: null,
    changeCount: 0,
    savedChangeCount: 0,
    save: { status: "saved" },
    problems: [],
    problemsByNode: {},
    dryRun: null,
    overlay: null,
    panel: "inspector",
    notice: null,
    focus: null,
  };
}
