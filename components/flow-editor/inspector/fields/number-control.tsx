"use client";

import { INPUT_CLASSES } from "@/components/ui/field";
import type { ControlProps } from "@/components/flow-editor/inspector/fields/control-props";
import { LocalError } from "@/components/flow-editor/inspector/fields/issue-messages";
import { useRawText } from "@/components/flow-editor/inspector/fields/use-raw-text";
import { toProblemPath } from "@/components/flow-editor/inspector/model/config-path";
import type { Control } from "@/components/flow-editor/inspector/model/describe-schema";
import { formatNumberValue, parseNumberText } from "@/components/flow-editor/inspector/model/parse-field-text";

type NumberControlProps = ControlProps<Extract<Control, { type: "number" }>> & { testId?: string };

/** A text input (not type=number, which reports "" for "1e" and loses it) that stores a number once the text is one. */
export function NumberControl({ id, path, control, value, onChange, placeholder, testId }: NumberControlProps) {
  const { raw, error, change } = useRawText(value, formatNumberValue, (text) => parseNumberText(text, control.integer), onChange);
  const test = testId ?? `inspector-field-${toProblemPath(path)}`;
  return (
    <>
      <input id={id} data-testid={test} inputMode={control.integer ? "numeric" : "decimal"} className={INPUT_CLASSES} value={raw} placeholder={placeholder} onChange={(event) => change(event.target.value)} />
      <LocalError testId={`${test}-local`} message={error} />
    </>
  );
}
