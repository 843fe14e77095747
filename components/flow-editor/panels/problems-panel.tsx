"use client";

import { useEditorStore, useEditorStoreApi } from "@/components/flow-editor/editor-store-context";

/** Every validateGraph problem of the draft; a click selects the node it is about and brings it into view. */
export function ProblemsPanel() {
  const store = useEditorStoreApi();
  const problems = useEditorStore((state) => state.problems);
  if (problems.length === 0) return <p className="text-sm text-emerald-700" data-testid="problems-empty">No problems: the draft can be published.</p>;
  return (
    <ul className="space-y-1" data-testid="problems-list">
      {problems.map((problem, index) => (
        <li key={`${problem.nodeId ?? problem.edgeId ?? "flow"}-${index}`}>
          {problem.nodeId ? (
            <button
              type="button"
              onClick={() => store.getState().focusNode(problem.nodeId!)}
              className="w-full rounded-md border border-red-200 bg-red-50 px-2 py-1.5 text-left text-sm text-red-900 hover:bg-red-100"
            >
              <span className="font-mono text-xs text-red-700">{problem.nodeId}</span>
              {problem.path ? <span className="font-mono text-xs text-red-700"> · {problem.path}</span> : null}
              <span className="block">{problem.message}</span>
            </button>
          ) : (
            <p className="rounded-md border border-red-200 bg-red-50 px-2 py-1.5 text-sm text-red-900">{problem.message}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
