"use client";

import { useStoreApi } from "@xyflow/react";
import type { DragEvent } from "react";
import { NODE_KINDS, type NodeKind } from "@/lib/flows/schema";
import { NODE_DEFINITIONS, type NodeCategory } from "@/lib/nodes/registry";
import { isEditable } from "@/components/flow-editor/canvas/displayed-graph";
import { useEditorStore, useEditorStoreApi } from "@/components/flow-editor/editor-store-context";
import { DEFAULT_NODE_SIZE } from "@/components/flow-editor/model/auto-layout";

export const PALETTE_MIME = "application/x-flowgate-node-kind";

const CATEGORIES: { category: NodeCategory; title: string }[] = [
  { category: "trigger", title: "Triggers" },
  { category: "transform", title: "Transform" },
  { category: "logic", title: "Logic" },
  { category: "action", title: "Actions" },
];

/** Every kind of the registry, by category: drag one onto the canvas, or click to add it in the middle of the view. */
export function NodePalette() {
  const store = useEditorStoreApi();
  const flow = useStoreApi();
  const editable = useEditorStore(isEditable);

  const addInView = (kind: NodeKind) => {
    const { width, height, transform } = flow.getState();
    const [x, y, zoom] = transform;
    // Successive clicks fan out a little so new cards do not stack exactly.
    const shift = (store.getState().graph.nodes.length % 6) * 24;
    store.getState().addNodeAt(kind, {
      x: Math.round((width / 2 - x) / zoom - DEFAULT_NODE_SIZE.width / 2 + shift),
      y: Math.round((height / 2 - y) / zoom - DEFAULT_NODE_SIZE.height / 2 + shift),
    });
  };

  const onDragStart = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = "copy";
  };

  return (
    <nav aria-label="Node palette">
      {/* While a version is shown nothing can be added; a disabled fieldset says so to every control at once. */}
      <fieldset disabled={!editable} className="space-y-4 disabled:opacity-50">
        {CATEGORIES.map(({ category, title }) => (
          <section key={category}>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
            <ul className="space-y-1">
              {NODE_KINDS.filter((kind) => NODE_DEFINITIONS[kind].category === category).map((kind) => (
                <li key={kind}>
                  <button
                    type="button"
                    draggable={editable}
                    data-testid={`palette-${kind}`}
                    title="Drag onto the canvas, or click to add"
                    onDragStart={(event) => onDragStart(event, kind)}
                    onClick={() => addInView(kind)}
                    className="w-full cursor-grab rounded-md border border-slate-200 bg-white px-2 py-1.5 text-left text-sm hover:border-slate-400 hover:bg-slate-50 active:cursor-grabbing"
                  >
                    {NODE_DEFINITIONS[kind].label}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </fieldset>
    </nav>
  );
}
