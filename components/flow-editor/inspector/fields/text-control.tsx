"use client";

import { INPUT_CLASSES } from "@/components/ui/field";
import type { ControlProps } from "@/components/flow-editor/inspector/fields/control-props";
import { LocalError } from "@/components/flow-editor/inspector/fields/issue-messages";
import { toProblemPath } from "@/components/flow-editor/inspector/model/config-path";
import type { Control } from "@/components/flow-editor/inspector/model/describe-schema";
import { expressionError } from "@/components/flow-editor/inspector/model/parse-field-text";

const MONO = `${INPUT_CLASSES} font-mono text-xs`;

/**
 * Plain text in an input; expressions and templates in a monospace textarea,
 * expressions with their JSONata syntax checked on every keystroke. Text is
 * stored as typed (an empty required field stays "", so the schema can say it is required).
 */
export function TextControl({ id, path, control, value, onChange, placeholder }: ControlProps<Extract<Control, { type: "text" }>>) {
  const text = typeof value === "string" ? value : value === undefined ? "" : JSON.stringify(value);
  const testId = `inspector-field-${toProblemPath(path)}`;
  if (control.format === "plain") {
    return <input id={id} data-testid={testId} className={INPUT_CLASSES} value={text} placeholder={placeholder} onChange={(event) => onChange(event.target.value)} />;
  }
  return (
    <>
      <textarea
        id={id}
        data-testid={testId}
        className={MONO}
        rows={control.format === "expression" ? 2 : 1}
        spellCheck={false}
        value={text}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
      {control.format === "expression" ? <LocalError testId={`${testId}-syntax`} message={expressionError(text)} /> : null}
    </>
  );
}
