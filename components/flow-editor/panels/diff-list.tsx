"use client";

import type { DefinitionDiff } from "@/components/flow-editor/api/types";
import { useEditorStoreApi } from "@/components/flow-editor/editor-store-context";

/** The comparison on the canvas, as a list: click a node to bring it into view. */
export function DiffList({ diff }: { diff: DefinitionDiff }) {
  const store = useEditorStoreApi();
  const { added, removed, changed } = diff.nodes;
  const nothing = added.length + removed.length + changed.length + diff.edges.added.length + diff.edges.removed.length === 0;
  const nodeButton = (nodeId: string, tone: string) => (
    <button type="button" onClick={() => store.getState().focusNode(nodeId)} className={`font-mono text-xs underline-offset-2 hover:underline ${tone}`}>
      {nodeId}
    </button>
  );
  if (nothing) return <p className="text-sm text-slate-600" data-testid="diff-list">No differences.</p>;
  return (
    <div className="space-y-2 text-sm" data-testid="diff-list">
      {added.length > 0 ? (
        <p>
          <span className="font-medium text-emerald-800">Added:</span> {added.map((id) => <span key={id} className="mr-2">{nodeButton(id, "text-emerald-800")}</span>)}
        </p>
      ) : null}
      {removed.length > 0 ? (
        <p>
          <span className="font-medium text-red-800">Removed:</span> {removed.map((id) => <span key={id} className="mr-2">{nodeButton(id, "text-red-800")}</span>)}
        </p>
      ) : null}
      {changed.length > 0 ? (
        <div>
          <span className="font-medium text-amber-800">Changed:</span>
          <ul className="mt-1 space-y-1">
            {changed.map(({ nodeId, fields }) => (
              <li key={nodeId} data-testid={`diff-changed-${nodeId}`}>
                {nodeButton(nodeId, "text-amber-800")}
                <span className="block pl-3 font-mono text-xs break-all text-slate-600">{fields.join(", ")}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {diff.edges.added.length + diff.edges.removed.length > 0 ? (
        <p className="text-slate-600">
          Connections: {diff.edges.added.length} added, {diff.edges.removed.length} removed
        </p>
      ) : null}
    </div>
  );
}
