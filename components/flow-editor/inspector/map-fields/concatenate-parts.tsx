"use client";

import { INPUT_CLASSES } from "@/components/ui/field";
import { INLINE_INPUT_CLASSES } from "@/components/flow-editor/inspector/fields/input-classes";
import { LinkButton } from "@/components/flow-editor/inspector/fields/field-row";
import { IssueMessages } from "@/components/flow-editor/inspector/fields/issue-messages";
import { sampleDropTarget } from "@/components/flow-editor/inspector/sample/sample-drag";
import { asRecord, toProblemPath, writeAt, type ConfigPath } from "@/components/flow-editor/inspector/model/config-path";

type Part = { source: string } | { text: string };
type ConcatenatePartsProps = { transform: Record<string, unknown>; path: ConfigPath; onChange: (transform: Record<string, unknown>) => void };

function readParts(value: unknown): Part[] {
  if (!Array.isArray(value)) return [];
  return value.map((item: unknown) => {
    const record = asRecord(item);
    return typeof record.source === "string" ? { source: record.source } : { text: typeof record.text === "string" ? record.text : "" };
  });
}

/** The parts joined after the value: fields of the input (typed or dropped from the sample) or fixed text. */
export function ConcatenateParts({ transform, path, onChange }: ConcatenatePartsProps) {
  const parts = readParts(transform.with);
  const set = (next: Part[]) => onChange(writeAt(transform, ["with"], next) as Record<string, unknown>);
  const replace = (index: number, part: Part) => set(parts.map((current, at) => (at === index ? part : current)));
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-500">The value, then:</p>
      {parts.map((part, index) => {
        const isField = "source" in part;
        return (
          <div key={index} className="flex items-center gap-1" {...sampleDropTarget((source) => replace(index, { source }))}>
            <select aria-label={`Part ${index + 1} kind`} className={`${INLINE_INPUT_CLASSES} w-24 text-xs`} value={isField ? "source" : "text"} onChange={(event) => replace(index, event.target.value === "source" ? { source: "" } : { text: "" })}>
              <option value="source">Field</option>
              <option value="text">Text</option>
            </select>
            <input
              aria-label={`Part ${index + 1}`}
              className={`${INPUT_CLASSES} text-xs ${isField ? "font-mono" : ""}`}
              placeholder={isField ? "customer.lastName (or drop a field)" : "Fixed text"}
              value={isField ? part.source : part.text}
              onChange={(event) => replace(index, isField ? { source: event.target.value } : { text: event.target.value })}
            />
            <LinkButton aria-label={`Remove part ${index + 1}`} onClick={() => set(parts.filter((_, at) => at !== index))}>
              ✕
            </LinkButton>
          </div>
        );
      })}
      <IssueMessages path={toProblemPath([...path, "with"])} />
      <LinkButton onClick={() => set([...parts, { source: "" }])}>+ Add part</LinkButton>
      <div className="flex items-center gap-3 text-xs">
        <label className="flex items-center gap-1">
          Separator
          <input className={`${INLINE_INPUT_CLASSES} w-16 font-mono text-xs`} value={typeof transform.separator === "string" ? transform.separator : " "} onChange={(event) => onChange({ ...transform, separator: event.target.value })} />
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={transform.skipEmpty !== false} onChange={(event) => onChange({ ...transform, skipEmpty: event.target.checked })} />
          Skip empty parts
        </label>
      </div>
    </div>
  );
}
