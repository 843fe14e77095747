"use client";

import type { GraphProblem } from "@/lib/flows/validate-graph";
import type { DraftNode } from "@/components/flow-editor/model/types";
import { JsonBlock } from "@/components/ui/json-block";

export type NodeInspectorProps = {
  node: DraftNode;
  sample: unknown;
  problems: GraphProblem[];
  credentials: { name: string; type: string; environment: string }[];
  hookUrl: string;
  readOnly: boolean;
  onChange: (patch: { config?: unknown; label?: string }) => void;
};

/** Stands in for components/flow-editor/inspector/node-inspector.tsx (same props) until the inspector lands. */
export function NodeInspector({ node, problems, readOnly, onChange }: NodeInspectorProps) {
  return (
    <div className="space-y-3 text-sm">
      <label className="block">
        <span className="mb-1 block text-xs font-medium text-slate-700">Label</span>
        <input
          className="w-full rounded-md border border-slate-300 px-2 py-1"
          value={node.label ?? ""}
          placeholder={node.id}
          disabled={readOnly}
          onChange={(event) => onChange({ label: event.target.value })}
        />
      </label>
      {problems.length > 0 ? (
        <ul className="list-disc pl-5 text-red-700">
          {problems.map((problem, index) => (
            <li key={index}>{problem.message}</li>
          ))}
        </ul>
      ) : null}
      <JsonBlock value={node.config} />
    </div>
  );
}
