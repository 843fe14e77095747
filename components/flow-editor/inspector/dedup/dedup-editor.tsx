"use client";

import type { DEDUP_ON_DUPLICATE } from "@/lib/flows/schema";
import { INPUT_CLASSES } from "@/components/ui/field";
import { DedupKeyPreview } from "@/components/flow-editor/inspector/dedup/dedup-key-preview";
import { DedupWindowField } from "@/components/flow-editor/inspector/dedup/dedup-window-field";
import { ConfigField } from "@/components/flow-editor/inspector/editors/config-field";
import { EditorSection } from "@/components/flow-editor/inspector/editors/editor-section";
import { RemainingFields } from "@/components/flow-editor/inspector/editors/remaining-fields";
import type { KindEditorProps } from "@/components/flow-editor/inspector/editors/kind-editor-props";
import { FieldRow, LinkButton } from "@/components/flow-editor/inspector/fields/field-row";
import { PathPicker } from "@/components/flow-editor/inspector/sample/path-picker";
import { sampleDropTarget } from "@/components/flow-editor/inspector/sample/sample-drag";
import { SampleTreeView } from "@/components/flow-editor/inspector/sample/sample-tree-view";
import { asRecord, writeAt } from "@/components/flow-editor/inspector/model/config-path";

const ON_DUPLICATE: Record<(typeof DEDUP_ON_DUPLICATE)[number], string> = {
  skip: "Skip: the run ends as \"duplicate of run X\"; nothing is sent.",
  update: "Update: continue along the \"duplicate\" output, e.g. to update the existing record.",
  fail: "Fail: the run fails and shows up for review.",
};

const DRAWN = ["key", "keyFields", "windowSeconds", "scope", "connector", "onDuplicate"];

/** Key (fields from the sample, or an expression), window, scope and what a duplicate does (R13), with the sample's key. */
export function DedupEditor({ kind, config, onConfig }: KindEditorProps) {
  const record = asRecord(config);
  const usesFields = record.key === undefined;
  const keyFields: string[] = Array.isArray(record.keyFields) ? record.keyFields.filter((field): field is string => typeof field === "string") : [];
  const set = (key: string, value: unknown) => onConfig(writeAt(config, [key], value));
  const addField = (path: string) => onConfig({ ...writeAt(config, ["key"], undefined) as object, keyFields: keyFields.includes(path) ? keyFields : [...keyFields, path] });
  const scopes = record.scope === "global" ? ["flow", "connector", "global"] : ["flow", "connector"];
  // "fail" and "global" are offered only to drafts that already use them: new rules should not fail runs or reach across every flow.
  const actions = record.onDuplicate === "fail" ? (["skip", "update", "fail"] as const) : (["skip", "update"] as const);
  return (
    <>
      <EditorSection title="Key" paths={["config.key", "config.keyFields"]}>
        <div className="flex gap-4 text-xs">
          <label className="flex items-center gap-1">
            <input type="radio" data-testid="dedup-use-fields" checked={usesFields} onChange={() => onConfig({ ...writeAt(config, ["key"], undefined) as object, keyFields })} />
            Fields of the input
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" data-testid="dedup-use-expression" checked={!usesFields} onChange={() => onConfig({ ...writeAt(config, ["keyFields"], undefined) as object, key: keyAsExpression(keyFields) })} />
            Expression (JSONata)
          </label>
        </div>
        {usesFields ? (
          <FieldRow id="dedup-key-fields" label="Key fields" path="config.keyFields" help="Their values together identify a duplicate. Click Use or drag fields from the sample.">
            <ul id="dedup-key-fields" data-testid="dedup-key-fields" {...sampleDropTarget(addField)} className="flex min-h-9 flex-wrap gap-1 rounded-md border border-dashed border-slate-300 p-1.5">
              {keyFields.length === 0 ? <li className="text-xs text-slate-500">Drop sample fields here</li> : null}
              {keyFields.map((field) => (
                <li key={field} className="flex items-center gap-1 rounded bg-sky-100 px-1.5 py-0.5 font-mono text-xs">
                  {field}
                  <LinkButton aria-label={`Remove ${field}`} data-testid={`dedup-key-field-remove-${field}`} onClick={() => set("keyFields", keyFields.filter((item) => item !== field))}>
                    ✕
                  </LinkButton>
                </li>
              ))}
            </ul>
            <PathPicker testId="dedup-key-field-pick" label="Add a key field" onPick={addField} />
          </FieldRow>
        ) : (
          <ConfigField kind={kind} name="key" config={config} onConfig={onConfig} placeholder="order.id & '/' & customer.email" />
        )}
        {usesFields ? <SampleTreeView onPick={addField} pickLabel="Use" selected={keyFields} /> : null}
        <DedupKeyPreview config={config} />
      </EditorSection>
      <EditorSection title="Rule" paths={["config.windowSeconds", "config.scope", "config.connector", "config.onDuplicate"]}>
        <DedupWindowField seconds={record.windowSeconds} onChange={(seconds) => set("windowSeconds", seconds)} />
        <FieldRow id="dedup-scope" label="Scope" path="config.scope" help="flow: keys of this flow only. connector: shared by every flow writing to the same connector.">
          <select id="dedup-scope" data-testid="dedup-scope" className={INPUT_CLASSES} value={typeof record.scope === "string" ? record.scope : "flow"} onChange={(event) => set("scope", event.target.value)}>
            {scopes.map((scope) => (
              <option key={scope} value={scope}>
                {scope}
              </option>
            ))}
          </select>
        </FieldRow>
        {record.scope === "connector" ? <ConfigField kind={kind} name="connector" config={config} onConfig={onConfig} placeholder="bitrix24" /> : null}
        <FieldRow id="dedup-on-duplicate" label="On a duplicate" path="config.onDuplicate">
          <div id="dedup-on-duplicate" role="radiogroup" className="space-y-1 text-xs">
            {actions.map((action) => (
              <label key={action} className="flex items-start gap-2">
                <input type="radio" data-testid={`dedup-on-duplicate-${action}`} className="mt-0.5" checked={(record.onDuplicate ?? "skip") === action} onChange={() => set("onDuplicate", action)} />
                {ON_DUPLICATE[action]}
              </label>
            ))}
          </div>
        </FieldRow>
      </EditorSection>
      <RemainingFields kind={kind} drawn={DRAWN} config={config} onConfig={onConfig} />
    </>
  );
}

/** The same key written as JSONata: one field as itself, several as the list computeDedupKey would build. */
function keyAsExpression(fields: readonly string[]): string {
  return fields.length <= 1 ? (fields[0] ?? "") : `[${fields.join(", ")}]`;
}
