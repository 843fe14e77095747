"use client";

import { INPUT_CLASSES } from "@/components/ui/field";
import type { ControlProps } from "@/components/flow-editor/inspector/fields/control-props";
import { toProblemPath } from "@/components/flow-editor/inspector/model/config-path";
import type { Control } from "@/components/flow-editor/inspector/model/describe-schema";

export function BooleanControl({ id, path, value, onChange }: ControlProps<Extract<Control, { type: "boolean" }>>) {
  return <input id={id} type="checkbox" data-testid={`inspector-field-${toProblemPath(path)}`} className="h-4 w-4" checked={value === true} onChange={(event) => onChange(event.target.checked)} />;
}

/** A stored value outside the options (an old or imported draft) is shown as is, so the schema message has something to point at. */
export function EnumControl({ id, path, control, value, onChange, placeholder }: ControlProps<Extract<Control, { type: "enum" }>>) {
  const current = typeof value === "string" ? value : "";
  // The placeholder names the empty choice of an optional select; a required one offers it only until something is chosen.
  const emptyLabel = placeholder ?? (current === "" ? "Choose…" : undefined);
  const options = control.options.includes(current) || current === "" ? control.options : [current, ...control.options];
  return (
    <select id={id} data-testid={`inspector-field-${toProblemPath(path)}`} className={INPUT_CLASSES} value={current} onChange={(event) => onChange(event.target.value)}>
      {emptyLabel === undefined ? null : <option value="">{emptyLabel}</option>}
      {options.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
}
