"use client";

import { useState } from "react";
import { INPUT_CLASSES } from "@/components/ui/field";
import { INLINE_INPUT_CLASSES } from "@/components/flow-editor/inspector/fields/input-classes";
import type { ControlProps } from "@/components/flow-editor/inspector/fields/control-props";
import { LinkButton } from "@/components/flow-editor/inspector/fields/field-row";
import { toProblemPath } from "@/components/flow-editor/inspector/model/config-path";
import { recordToRows, repeatedKeys, rowsToRecord, type RecordRow } from "@/components/flow-editor/inspector/model/record-rows";

/** Key/value pairs such as headers; values may hold {{path}} placeholders. */
export function RecordControl({ id, path, value, onChange }: Omit<ControlProps, "control">) {
  const [rows, setRows] = useState(() => recordToRows(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    // Only a change from outside (undo, import) replaces the rows; our own commits already match them.
    if (JSON.stringify(rowsToRecord(rows)) !== JSON.stringify(value ?? {})) setRows(recordToRows(value));
  }
  const update = (next: RecordRow[]) => {
    setRows(next);
    onChange(rowsToRecord(next));
  };
  const repeated = repeatedKeys(rows);
  const base = `inspector-field-${toProblemPath(path)}`;
  return (
    <div id={id} className="space-y-1">
      {rows.map((row, index) => (
        <div key={index} className="flex items-center gap-2" data-testid={`${base}-row-${index}`}>
          <input
            aria-label={`Name ${index + 1}`}
            className={`${INLINE_INPUT_CLASSES} w-2/5 ${repeated.has(row.key.trim()) ? "border-amber-500" : ""}`}
            value={row.key}
            placeholder="Name"
            onChange={(event) => update(rows.map((item, at) => (at === index ? { ...item, key: event.target.value } : item)))}
          />
          <input
            aria-label={`Value ${index + 1}`}
            className={`${INPUT_CLASSES} flex-1 font-mono text-xs`}
            value={row.value}
            placeholder="Value or {{path}}"
            onChange={(event) => update(rows.map((item, at) => (at === index ? { ...item, value: event.target.value } : item)))}
          />
          <LinkButton aria-label={`Remove ${row.key || `row ${index + 1}`}`} onClick={() => update(rows.filter((_, at) => at !== index))}>
            Remove
          </LinkButton>
        </div>
      ))}
      {repeated.size > 0 ? <p className="text-xs text-amber-700">Repeated names: only the last {[...repeated].join(", ")} is kept.</p> : null}
      <LinkButton data-testid={`${base}-add`} onClick={() => setRows([...rows, { key: "", value: "" }])}>
        + Add
      </LinkButton>
    </div>
  );
}
