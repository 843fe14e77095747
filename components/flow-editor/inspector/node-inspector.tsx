"use client";

import { useMemo, type JSX } from "react";
import type { DraftNode } from "@/lib/flows/schema";
import type { GraphProblem } from "@/lib/flows/validate-graph";
import { NODE_DEFINITIONS } from "@/lib/nodes/registry";
import { INPUT_CLASSES } from "@/components/ui/field";
import { KIND_EDITORS } from "@/components/flow-editor/inspector/editors/kind-editors";
import { IssueMessages } from "@/components/flow-editor/inspector/fields/issue-messages";
import { InspectorProvider, type InspectorCredential, type InspectorContextValue } from "@/components/flow-editor/inspector/inspector-context";
import { countIssuesUnder, indexIssues } from "@/components/flow-editor/inspector/model/inspector-issues";

export type NodeInspectorProps = {
  /** The draft node; its config may be invalid while the analyst is still filling it in. */
  node: DraftNode;
  /** The analyst's sample event (parsed JSON), or undefined. */
  sample: unknown;
  /** validateGraph's problems for this node. */
  problems: GraphProblem[];
  credentials: InspectorCredential[];
  /** The flow's full webhook URL. */
  hookUrl: string;
  readOnly: boolean;
  /** Called on each edit with the whole new config (or label). */
  onChange: (patch: { config?: unknown; label?: string }) => void;
};

/**
 * The side panel for one node: its label, then the kind's editor, with the
 * config checked against the kind's zod schema on every render so each
 * message sits next to its field. Nothing here saves; the editor store does.
 */
export function NodeInspector({ node, sample, problems, credentials, hookUrl, readOnly, onChange }: NodeInspectorProps): JSX.Element {
  const definition = NODE_DEFINITIONS[node.kind];
  const issues = useMemo(() => indexIssues(definition.configSchema, node.config, problems), [definition, node.config, problems]);
  const context = useMemo<InspectorContextValue>(() => ({ issues, credentials, sample, hookUrl, readOnly }), [issues, credentials, sample, hookUrl, readOnly]);
  const Editor = KIND_EDITORS[node.kind];
  const total = countIssuesUnder(issues, "config") + (issues.get("")?.length ?? 0);
  return (
    <InspectorProvider value={context}>
      <section data-testid="node-inspector" data-node-id={node.id} aria-label={`${definition.label} settings`} className="space-y-4 text-sm">
        <header className="space-y-2">
          <div className="flex items-baseline justify-between gap-2">
            <h2 className="font-semibold text-slate-900">{definition.label}</h2>
            <code className="text-xs text-slate-500">{node.id}</code>
          </div>
          <label htmlFor="inspector-label" className="block text-xs font-medium text-slate-700">
            Label
          </label>
          <input
            id="inspector-label"
            data-testid="inspector-label"
            className={INPUT_CLASSES}
            maxLength={120}
            disabled={readOnly}
            value={node.label ?? ""}
            placeholder={definition.label}
            onChange={(event) => onChange({ label: event.target.value })}
          />
          {total === 0 ? null : (
            <p data-testid="inspector-problem-count" className="text-xs font-medium text-red-700">
              {total === 1 ? "1 problem" : `${total} problems`} in this node
            </p>
          )}
          <IssueMessages path="" />
          <IssueMessages path="config" />
        </header>
        {/* A disabled fieldset disables every control inside it, so read-only needs no flag per input. */}
        <fieldset disabled={readOnly} className="min-w-0 space-y-4">
          <Editor key={node.id} kind={node.kind} config={node.config} onConfig={(config) => onChange({ config })} />
        </fieldset>
      </section>
    </InspectorProvider>
  );
}
