"use client";

import { useState } from "react";
import { INPUT_CLASSES } from "@/components/ui/field";
import { LinkButton } from "@/components/flow-editor/inspector/fields/field-row";
import { IssueMessages, LocalError } from "@/components/flow-editor/inspector/fields/issue-messages";
import { JsonControl } from "@/components/flow-editor/inspector/fields/json-control";
import { TransformList } from "@/components/flow-editor/inspector/map-fields/transform-list";
import { PathPicker } from "@/components/flow-editor/inspector/sample/path-picker";
import { sampleDropTarget } from "@/components/flow-editor/inspector/sample/sample-drag";
import { asRecord, toProblemPath, writeAt } from "@/components/flow-editor/inspector/model/config-path";
import { expressionError } from "@/components/flow-editor/inspector/model/parse-field-text";
import type { FieldPreview } from "@/components/flow-editor/inspector/model/preview-mapping";

type MappingRowProps = { mapping: unknown; index: number; preview: FieldPreview | undefined; onChange: (mapping: unknown) => void; onRemove: () => void };

/** One target field: where its value comes from (a dropped or picked path, or JSONata), its default and transforms, and its previewed value. */
export function MappingRow({ mapping, index, preview, onChange, onRemove }: MappingRowProps) {
  const [over, setOver] = useState(false);
  const record = asRecord(mapping);
  const usesExpression = typeof record.expression === "string";
  const text = (key: string) => (typeof record[key] === "string" ? (record[key] as string) : "");
  const set = (key: string, value: unknown) => onChange(writeAt(record, [key], value));
  // A dropped or picked path always makes this a path mapping; the expression, if any, gives way.
  const useSource = (source: string) => onChange({ ...writeAt(record, ["expression"], undefined) as object, source });
  const base = toProblemPath(["mappings", index]);
  return (
    <li
      data-testid={`mapping-target-${index}`}
      {...sampleDropTarget(useSource, setOver)}
      className={`space-y-2 rounded-md border p-2 ${over ? "border-sky-500 bg-sky-50" : "border-slate-200"}`}
    >
      <div className="flex items-center gap-2">
        <input aria-label={`Target field ${index + 1}`} data-testid={`mapping-target-input-${index}`} className={`${INPUT_CLASSES} font-mono text-xs`} placeholder="target.path" value={text("target")} onChange={(event) => set("target", event.target.value)} />
        <LinkButton data-testid={`mapping-remove-${index}`} aria-label={`Remove mapping ${text("target") || index + 1}`} onClick={onRemove}>
          Remove
        </LinkButton>
      </div>
      <IssueMessages path={`${base}.target`} />
      <div className="flex items-center gap-2 text-xs">
        <label className="flex items-center gap-1">
          <input type="radio" checked={!usesExpression} onChange={() => useSource(text("expression"))} data-testid={`mapping-use-source-${index}`} />
          Field
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" checked={usesExpression} onChange={() => onChange({ ...writeAt(record, ["source"], undefined) as object, expression: text("source") })} data-testid={`mapping-use-expression-${index}`} />
          Expression (JSONata)
        </label>
      </div>
      {usesExpression ? (
        <>
          <textarea aria-label={`Expression for mapping ${index + 1}`} data-testid={`mapping-expression-${index}`} rows={2} spellCheck={false} className={`${INPUT_CLASSES} font-mono text-xs`} placeholder={'$join([customer.first, customer.last], " ")'} value={text("expression")} onChange={(event) => set("expression", event.target.value)} />
          <LocalError testId={`mapping-expression-syntax-${index}`} message={expressionError(text("expression"))} />
          <IssueMessages path={`${base}.expression`} />
        </>
      ) : (
        <>
          <div className="flex items-center gap-2">
            <input aria-label={`Source field ${index + 1}`} data-testid={`mapping-source-${index}`} className={`${INPUT_CLASSES} font-mono text-xs`} placeholder="Drop a sample field here, or type order.id" value={text("source")} onChange={(event) => set("source", event.target.value)} />
            <PathPicker testId={`mapping-source-pick-${index}`} label={`Pick the source of mapping ${index + 1}`} onPick={useSource} />
          </div>
          <IssueMessages path={`${base}.source`} />
        </>
      )}
      <details className="text-xs">
        <summary className="cursor-pointer text-slate-600">Default when missing{record.default === undefined ? "" : ": set"}</summary>
        <JsonControl id={`mapping-default-${index}`} path={["mappings", index, "default"]} rows={1} value={record.default} placeholder='"unknown" (JSON)' onChange={(value) => set("default", value)} />
        <IssueMessages path={`${base}.default`} />
      </details>
      <TransformList value={record.transform} path={["mappings", index, "transform"]} mappingIndex={index} onChange={(transforms) => set("transform", transforms)} />
      <FieldPreviewLine preview={preview} index={index} />
    </li>
  );
}

function FieldPreviewLine({ preview, index }: { preview: FieldPreview | undefined; index: number }) {
  if (preview === undefined) return null;
  if (preview.error !== undefined) {
    return (
      <p data-testid={`mapping-preview-error-${index}`} className="text-xs text-red-700">
        {preview.error}
      </p>
    );
  }
  return (
    <div data-testid={`mapping-preview-${index}`} className="text-xs">
      <span className="text-slate-500">Sample gives: </span>
      {preview.value === undefined ? <span className="text-slate-500">nothing (field left out)</span> : <code className="font-mono break-all text-slate-900">{JSON.stringify(preview.value)}</code>}
    </div>
  );
}
