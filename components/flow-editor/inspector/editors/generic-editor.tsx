"use client";

import type { KindEditorProps } from "@/components/flow-editor/inspector/editors/kind-editor-props";
import { SchemaFields } from "@/components/flow-editor/inspector/fields/schema-fields";
import { fieldsOfKind } from "@/components/flow-editor/inspector/model/fields-of-kind";

/** The whole config as the schema-driven form: filter, lookup, schedule and manual triggers need nothing more. */
export function GenericEditor({ kind, config, onConfig }: KindEditorProps) {
  return <SchemaFields fields={fieldsOfKind(kind)} value={config} path={[]} onChange={onConfig} />;
}
