"use client";

import type { NodeKind } from "@/lib/flows/schema";
import { SchemaField } from "@/components/flow-editor/inspector/fields/schema-fields";
import { asRecord, writeAt } from "@/components/flow-editor/inspector/model/config-path";
import { fieldOfKind } from "@/components/flow-editor/inspector/model/fields-of-kind";

type ConfigFieldProps = {
  kind: NodeKind;
  name: string;
  config: unknown;
  onConfig: (config: unknown) => void;
  placeholder?: string;
};

/** One top-level config field drawn by the generic form, placed where a kind editor wants it. */
export function ConfigField({ kind, name, config, onConfig, placeholder }: ConfigFieldProps) {
  return (
    <SchemaField
      field={fieldOfKind(kind, name)}
      value={asRecord(config)[name]}
      path={[name]}
      onChange={(value) => onConfig(writeAt(config, [name], value))}
      {...(placeholder === undefined ? {} : { placeholder })}
    />
  );
}

/** Several top-level fields in order. */
export function ConfigFields({ names, ...props }: Omit<ConfigFieldProps, "name" | "placeholder"> & { names: readonly string[] }) {
  return (
    <>
      {names.map((name) => (
        <ConfigField key={name} name={name} {...props} />
      ))}
    </>
  );
}
