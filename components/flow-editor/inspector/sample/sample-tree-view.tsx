"use client";

import { useMemo, useState } from "react";
import { startSampleDrag } from "@/components/flow-editor/inspector/sample/sample-drag";
import { useInspector } from "@/components/flow-editor/inspector/inspector-context";
import { buildSampleTree, type SampleNode } from "@/components/flow-editor/inspector/model/sample-tree";

type SampleTreeViewProps = {
  /** Clicking a field (or Enter on it) picks it, e.g. adds it to the dedup key; dragging works everywhere. */
  onPick?: (path: string) => void;
  pickLabel?: string;
  /** Highlighted as already used. */
  selected?: readonly string[];
  /** A shorter list, for a tree that stays pinned above a long form. */
  compact?: boolean;
};

/**
 * The sample event as a tree whose fields can be dragged onto a target
 * (HTML5 drag and drop) or, when onPick is given, clicked. Keys are shown as
 * the paths the engine reads ("items.0.sku").
 */
export function SampleTreeView({ onPick, pickLabel = "Use", selected = [], compact = false }: SampleTreeViewProps) {
  const { sample, readOnly } = useInspector();
  const tree = useMemo(() => buildSampleTree(sample), [sample]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  if (sample === undefined) {
    return <p data-testid="sample-tree-empty" className="text-xs text-slate-500">Add a sample event to pick fields from it.</p>;
  }
  if (tree.length === 0) {
    return <p data-testid="sample-tree-empty" className="text-xs text-slate-500">The sample has no fields to pick (it is not an object or list).</p>;
  }
  const toggle = (path: string) => setCollapsed((current) => {
    const next = new Set(current);
    if (!next.delete(path)) next.add(path);
    return next;
  });
  const renderNode = (node: SampleNode, depth: number) => {
    const open = !collapsed.has(node.path);
    return (
      <li key={node.path}>
        <div className="flex items-center gap-1" style={{ paddingLeft: depth * 12 }}>
          {node.children.length > 0 ? (
            <button type="button" aria-label={`${open ? "Collapse" : "Expand"} ${node.path}`} aria-expanded={open} className="w-4 text-slate-500" onClick={() => toggle(node.path)}>
              {open ? "▾" : "▸"}
            </button>
          ) : (
            <span className="w-4" />
          )}
          <span
            data-testid={`sample-field-${node.path}`}
            draggable={!readOnly}
            onDragStart={(event) => startSampleDrag(event, node.path)}
            title={`Drag ${node.path} onto a field`}
            className={`flex min-w-0 flex-1 cursor-grab items-baseline gap-2 rounded px-1 hover:bg-slate-100 ${selected.includes(node.path) ? "bg-sky-50 font-medium" : ""}`}
          >
            <code className="truncate text-xs text-slate-900">{node.key}</code>
            <span className="truncate text-xs text-slate-500">{node.type === "object" || node.type === "list" ? node.preview : `${node.type} · ${node.preview}`}</span>
          </span>
          {onPick === undefined ? null : (
            <button type="button" data-testid={`sample-pick-${node.path}`} className="text-xs text-sky-700 hover:underline" onClick={() => onPick(node.path)}>
              {pickLabel}
            </button>
          )}
        </div>
        {open && node.children.length > 0 ? <ul>{node.children.map((child) => renderNode(child, depth + 1))}</ul> : null}
      </li>
    );
  };
  return (
    <ul data-testid="sample-tree" aria-label="Sample event fields" className={`${compact ? "max-h-44" : "max-h-80"} overflow-auto rounded-md border border-slate-200 p-1`}>
      {tree.map((node) => renderNode(node, 0))}
    </ul>
  );
}
