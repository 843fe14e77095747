"use client";

import { INPUT_CLASSES } from "@/components/ui/field";
import { INLINE_INPUT_CLASSES } from "@/components/flow-editor/inspector/fields/input-classes";
import { LinkButton } from "@/components/flow-editor/inspector/fields/field-row";
import { IssueMessages } from "@/components/flow-editor/inspector/fields/issue-messages";
import { toProblemPath, writeAt, type ConfigPath } from "@/components/flow-editor/inspector/model/config-path";
import {
  addRow,
  changeFallbackMode,
  duplicateFroms,
  FALLBACK_LABELS,
  readFallback,
  readRows,
  removeRow,
  updateRow,
  type ValueMapFallbackMode,
} from "@/components/flow-editor/inspector/model/value-map-table";

type ValueMapTableProps = { transform: Record<string, unknown>; path: ConfigPath; testId: string; onChange: (transform: Record<string, unknown>) => void };

const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value) ?? "");

/** CRM status → service status: one row per value, and what to do with a value that has no row. */
export function ValueMapTable({ transform, path, testId, onChange }: ValueMapTableProps) {
  const rows = readRows(transform.entries);
  const fallback = readFallback(transform.fallback);
  const duplicates = duplicateFroms(rows);
  const setRows = (next: typeof rows) => onChange(writeAt(transform, ["entries"], next) as Record<string, unknown>);
  return (
    <div data-testid={testId} className="space-y-2">
      <table className="w-full text-xs">
        <thead className="text-left text-slate-500">
          <tr>
            <th className="font-medium">When the value is</th>
            <th className="font-medium">write</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} data-testid={`value-map-row-${index}`}>
              <td className="pr-1">
                <input
                  aria-label={`Value ${index + 1}`}
                  data-testid={`value-map-from-${index}`}
                  className={`${INPUT_CLASSES} text-xs ${duplicates.has(row.from) ? "border-amber-500" : ""}`}
                  value={row.from}
                  onChange={(event) => setRows(updateRow(rows, index, { from: event.target.value }))}
                />
              </td>
              <td className="pr-1">
                <input aria-label={`Becomes ${index + 1}`} data-testid={`value-map-to-${index}`} className={`${INPUT_CLASSES} text-xs`} value={asText(row.to)} onChange={(event) => setRows(updateRow(rows, index, { to: event.target.value }))} />
              </td>
              <td>
                <LinkButton data-testid={`value-map-remove-${index}`} aria-label={`Remove row ${index + 1}`} onClick={() => setRows(removeRow(rows, index))}>
                  ✕
                </LinkButton>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {duplicates.size > 0 ? <p className="text-xs text-amber-700">Each value can be mapped only once: {[...duplicates].map((from) => JSON.stringify(from)).join(", ")}</p> : null}
      <IssueMessages path={toProblemPath([...path, "entries"])} />
      <LinkButton data-testid="value-map-add" onClick={() => setRows(addRow(rows))}>
        + Add value
      </LinkButton>
      <div className="flex items-center gap-2">
        <label className="text-xs text-slate-600" htmlFor={`${testId}-fallback`}>
          Other values
        </label>
        <select
          id={`${testId}-fallback`}
          data-testid="value-map-fallback"
          className={`${INLINE_INPUT_CLASSES} w-auto text-xs`}
          value={fallback.mode}
          onChange={(event) => onChange({ ...transform, fallback: changeFallbackMode(fallback, event.target.value as ValueMapFallbackMode) })}
        >
          {Object.entries(FALLBACK_LABELS).map(([mode, label]) => (
            <option key={mode} value={mode}>
              {label}
            </option>
          ))}
        </select>
        {fallback.mode === "value" ? (
          <input aria-label="Fallback value" data-testid="value-map-fallback-value" className={`${INPUT_CLASSES} text-xs`} value={asText(fallback.value)} onChange={(event) => onChange({ ...transform, fallback: { mode: "value", value: event.target.value } })} />
        ) : null}
      </div>
      <p className="text-xs text-slate-500">Values are compared as text: 1, true and WON match rows &quot;1&quot;, &quot;true&quot; and &quot;WON&quot;.</p>
    </div>
  );
}
