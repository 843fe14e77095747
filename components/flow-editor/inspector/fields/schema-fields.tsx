"use client";

import type { ReactNode } from "react";
import { BooleanControl, EnumControl } from "@/components/flow-editor/inspector/fields/choice-controls";
import { fieldId, type ControlProps } from "@/components/flow-editor/inspector/fields/control-props";
import { CredentialSelect } from "@/components/flow-editor/inspector/fields/credential-select";
import { FieldRow, LinkButton } from "@/components/flow-editor/inspector/fields/field-row";
import { IssueMessages } from "@/components/flow-editor/inspector/fields/issue-messages";
import { JsonControl } from "@/components/flow-editor/inspector/fields/json-control";
import { ListControl } from "@/components/flow-editor/inspector/fields/list-control";
import { NumberControl } from "@/components/flow-editor/inspector/fields/number-control";
import { RecordControl } from "@/components/flow-editor/inspector/fields/record-control";
import { TextControl } from "@/components/flow-editor/inspector/fields/text-control";
import { asRecord, toProblemPath, writeAt, type ConfigPath } from "@/components/flow-editor/inspector/model/config-path";
import type { Control, FieldDescriptor } from "@/components/flow-editor/inspector/model/describe-schema";
import { initialValue, needsToggle, placeholderOf, shownValue, storedText } from "@/components/flow-editor/inspector/model/field-values";

type AnyControl = (props: ControlProps) => ReactNode;

/** One control per kind of field; a new Control type without an entry is a type error. */
const CONTROLS: { [T in Control["type"]]: (props: ControlProps<Extract<Control, { type: T }>>) => ReactNode } = {
  text: TextControl,
  number: NumberControl,
  boolean: BooleanControl,
  enum: EnumControl,
  credential: CredentialSelect,
  list: ListControl,
  record: RecordControl,
  object: ObjectControl,
  json: JsonControl,
};

type SchemaFieldsProps = {
  fields: readonly FieldDescriptor[];
  /** The object these fields live in (the config, or a nested object of it). */
  value: unknown;
  path: ConfigPath;
  onChange: (value: Record<string, unknown>) => void;
  /** Leave these to a kind-specific editor. */
  omit?: readonly string[];
};

/** The form generated from a zod object schema; kind editors use it for every field they do not draw themselves. */
export function SchemaFields({ fields, value, path, onChange, omit = [] }: SchemaFieldsProps) {
  const record = asRecord(value);
  return (
    <div className="space-y-3">
      {fields
        .filter((field) => !omit.includes(field.key))
        .map((field) => (
          <SchemaField key={field.key} field={field} value={record[field.key]} path={[...path, field.key]} onChange={(next) => onChange(asRecord(writeAt(record, [field.key], next)))} />
        ))}
    </div>
  );
}

type SchemaFieldProps = {
  field: FieldDescriptor;
  value: unknown;
  path: ConfigPath;
  onChange: (value: unknown) => void;
  /** Replaces the "Default: …" placeholder, e.g. to say what an unset idempotency key means. */
  placeholder?: string;
};

export function SchemaField({ field, value, path, onChange, placeholder: givenPlaceholder }: SchemaFieldProps) {
  const id = fieldId(path);
  const problemPath = toProblemPath(path);
  if (needsToggle(field) && value === undefined) {
    return (
      <div className="flex items-center justify-between" data-field={problemPath}>
        <span className="text-xs font-medium text-slate-500">{field.label}</span>
        <LinkButton data-testid={`inspector-enable-${problemPath}`} onClick={() => onChange(initialValue(field.control))}>
          + Add
        </LinkButton>
        <IssueMessages path={problemPath} />
      </div>
    );
  }
  const Control = CONTROLS[field.control.type] as AnyControl;
  const remove = needsToggle(field) ? (
    <LinkButton data-testid={`inspector-remove-${problemPath}`} onClick={() => onChange(undefined)}>
      Remove
    </LinkButton>
  ) : undefined;
  const placeholder = givenPlaceholder ?? placeholderOf(field);
  return (
    <FieldRow id={id} label={field.label} path={problemPath} help={field.help} action={remove}>
      <Control id={id} path={path} control={field.control} value={shownValue(field, value)} placeholder={placeholder} onChange={(next) => onChange(storedText(field, next))} />
    </FieldRow>
  );
}

/** A nested object (retry policy, signature, poll, lookup) as a fieldset of its own fields. */
function ObjectControl({ id, path, control, value, onChange }: ControlProps<Extract<Control, { type: "object" }>>) {
  return (
    <fieldset id={id} className="space-y-3 rounded-md border border-slate-200 p-3">
      <SchemaFields fields={control.fields} value={value} path={path} onChange={onChange} />
    </fieldset>
  );
}
