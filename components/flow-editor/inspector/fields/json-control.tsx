"use client";

import { INPUT_CLASSES } from "@/components/ui/field";
import type { ControlProps } from "@/components/flow-editor/inspector/fields/control-props";
import { LocalError } from "@/components/flow-editor/inspector/fields/issue-messages";
import { useRawText } from "@/components/flow-editor/inspector/fields/use-raw-text";
import { toProblemPath } from "@/components/flow-editor/inspector/model/config-path";
import { formatJsonValue, parseJsonText } from "@/components/flow-editor/inspector/model/parse-field-text";

type JsonControlProps = Omit<ControlProps, "control"> & { rows?: number };

/** Any JSON value (a body template, a default, a cursor); a parse error is shown and nothing is saved until it parses. */
export function JsonControl({ id, path, value, onChange, placeholder, rows = 4 }: JsonControlProps) {
  const { raw, error, change } = useRawText(value, formatJsonValue, parseJsonText, onChange);
  const testId = `inspector-field-${toProblemPath(path)}`;
  return (
    <>
      <textarea
        id={id}
        data-testid={testId}
        className={`${INPUT_CLASSES} font-mono text-xs`}
        rows={rows}
        spellCheck={false}
        value={raw}
        placeholder={placeholder}
        onChange={(event) => change(event.target.value)}
      />
      <LocalError testId={`${testId}-local`} message={error} />
    </>
  );
}
