"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo, useMemo } from "react";
import { NODE_DEFINITIONS, type NodeCategory } from "@/lib/nodes/registry";
import { isTriggerKind } from "@/lib/flows/schema";
import type { DryRunStatus } from "@/components/flow-editor/api/types";
import { useEditorStore } from "@/components/flow-editor/editor-store-context";
import type { DiffMark } from "@/components/flow-editor/model/compare-graphs";
import { summarizeNode } from "@/components/flow-editor/model/summarize-node";
import type { CanvasNode } from "@/components/flow-editor/model/to-canvas-elements";

const CATEGORY_BAR: Record<NodeCategory, string> = {
  trigger: "bg-violet-500",
  transform: "bg-sky-500",
  logic: "bg-amber-500",
  action: "bg-emerald-500",
};

const RUN_STYLE: Record<DryRunStatus, string> = {
  succeeded: "border-emerald-500 ring-2 ring-emerald-200",
  failed: "border-red-500 ring-2 ring-red-200",
  "not-reached": "border-dashed border-slate-300 opacity-60",
};

const DIFF_STYLE: Record<DiffMark, string> = {
  added: "border-emerald-500 bg-emerald-50 ring-2 ring-emerald-200",
  changed: "border-amber-500 bg-amber-50 ring-2 ring-amber-200",
  removed: "border-dashed border-red-500 bg-red-50 opacity-70",
};

const HANDLE = "h-3! w-3! border-2! border-white! bg-slate-500!";

/**
 * The card of every kind (nodeTypes maps each kind to it). Decorations that
 * change without the node changing (problems, test-run status, diff marks)
 * are read from the editor store by id, so only the affected cards re-render.
 */
function FlowNodeCardView({ id, data, selected }: NodeProps<CanvasNode>) {
  const { node, ghost } = data;
  const definition = NODE_DEFINITIONS[node.kind];
  const overlay = useEditorStore((state) => state.overlay !== null);
  const problems = useEditorStore((state) => (state.overlay ? undefined : state.problemsByNode[id]));
  const runStatus = useEditorStore((state) => (state.overlay ? undefined : state.dryRun?.statusByNode[id]));
  const mark = useEditorStore((state) => (state.overlay?.mode === "compare" ? state.overlay.marks[id] : undefined));
  const summary = useMemo(() => summarizeNode(node), [node]);
  const outputs = definition.outputHandles;
  const state = (mark && DIFF_STYLE[mark]) ?? (runStatus && RUN_STYLE[runStatus]) ?? "border-slate-300";

  return (
    <div
      data-testid={`node-${id}`}
      data-run-status={runStatus}
      data-diff-mark={mark}
      data-problem-count={problems?.length ?? 0}
      className={`relative w-60 rounded-lg border bg-white text-left shadow-sm ${state} ${selected ? "outline-2 outline-offset-2 outline-sky-500" : ""}`}
    >
      <div className={`h-1.5 rounded-t-lg ${CATEGORY_BAR[definition.category]}`} />
      {isTriggerKind(node.kind) ? null : <Handle type="target" position={Position.Left} className={HANDLE} isConnectable={!ghost && !overlay} data-testid={`handle-${id}-in`} />}
      <div className="px-3 pt-2 pb-2">
        <div className="flex items-center gap-2">
          <span className="text-[11px] font-medium tracking-wide text-slate-500 uppercase">{definition.label}</span>
          {problems && problems.length > 0 ? (
            <span
              className="ml-auto rounded-full bg-red-600 px-1.5 text-[11px] leading-4 font-semibold text-white"
              title={problems.join("\n")}
              data-testid={`node-problems-${id}`}
              aria-label={`${problems.length} problem${problems.length === 1 ? "" : "s"}: ${problems.join("; ")}`}
            >
              {problems.length}
            </span>
          ) : null}
        </div>
        <div className="truncate font-semibold text-slate-900">{node.label || node.id}</div>
        {node.label ? <div className="truncate font-mono text-[11px] text-slate-500">{node.id}</div> : null}
        <div className="mt-1 truncate text-xs text-slate-600" title={summary}>
          {summary}
        </div>
      </div>
      {outputs.length > 1 ? (
        <div className="space-y-1 border-t border-slate-100 py-1">
          {outputs.map((handle) => (
            <div key={handle} className="relative pr-4 text-right text-[11px] font-medium text-slate-600">
              {handle}
              <Handle type="source" position={Position.Right} id={handle} className={HANDLE} isConnectable={!ghost && !overlay} data-testid={`handle-${id}-${handle}`} />
            </div>
          ))}
        </div>
      ) : (
        <Handle type="source" position={Position.Right} id={outputs[0]} className={HANDLE} isConnectable={!ghost && !overlay} data-testid={`handle-${id}-${outputs[0]}`} />
      )}
    </div>
  );
}

export const FlowNodeCard = memo(FlowNodeCardView);
