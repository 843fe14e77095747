"use client";

import type { NodeKind } from "@/lib/flows/schema";
import { EditorSection } from "@/components/flow-editor/inspector/editors/editor-section";
import { SchemaFields } from "@/components/flow-editor/inspector/fields/schema-fields";
import { fieldsOfKind } from "@/components/flow-editor/inspector/model/fields-of-kind";

type RemainingFieldsProps = { kind: NodeKind; drawn: readonly string[]; config: unknown; onConfig: (config: unknown) => void };

/**
 * The config fields a kind editor does not draw itself, in the generic form.
 * A field added to the schema later thus appears in the inspector at once
 * instead of being editable only through import.
 */
export function RemainingFields({ kind, drawn, config, onConfig }: RemainingFieldsProps) {
  const rest = fieldsOfKind(kind).filter((field) => !drawn.includes(field.key));
  if (rest.length === 0) return null;
  return (
    <EditorSection title="Other settings" paths={rest.map((field) => `config.${field.key}`)}>
      <SchemaFields fields={rest} value={config} path={[]} onChange={onConfig} />
    </EditorSection>
  );
}
