"use client";

import { ConfigField } from "@/components/flow-editor/inspector/editors/config-field";
import { EditorSection } from "@/components/flow-editor/inspector/editors/editor-section";
import { RemainingFields } from "@/components/flow-editor/inspector/editors/remaining-fields";
import type { KindEditorProps } from "@/components/flow-editor/inspector/editors/kind-editor-props";
import { LinkButton } from "@/components/flow-editor/inspector/fields/field-row";
import { useDebouncedResult } from "@/components/flow-editor/inspector/fields/use-debounced-result";
import { useInspector } from "@/components/flow-editor/inspector/inspector-context";
import { MappingPreviewPanel } from "@/components/flow-editor/inspector/map-fields/mapping-preview-panel";
import { MappingRow } from "@/components/flow-editor/inspector/map-fields/mapping-row";
import { SampleTreeView } from "@/components/flow-editor/inspector/sample/sample-tree-view";
import { sampleDropTarget } from "@/components/flow-editor/inspector/sample/sample-drag";
import { asRecord, writeAt } from "@/components/flow-editor/inspector/model/config-path";
import { previewMapping } from "@/components/flow-editor/inspector/model/preview-mapping";

/** A new mapping for a dropped path writes to the same name at the top level ("customer.email" → "email"). */
function mappingFor(source: string): Record<string, unknown> {
  return { target: source.split(".").filter((segment) => !/^\d+$/.test(segment)).at(-1) ?? source, source, transform: [] };
}

const DRAWN = ["mode", "mappings"];

/** The field mapping: sample fields on the left, target fields on the right, and the output the sample would give. */
export function MapFieldsEditor({ kind, config, onConfig }: KindEditorProps) {
  const { sample } = useInspector();
  const result = useDebouncedResult(() => previewMapping(sample, config), [sample, config]);
  const preview = result?.ok ? result.value : undefined;
  const mappings: unknown[] = Array.isArray(asRecord(config).mappings) ? (asRecord(config).mappings as unknown[]) : [];
  const setMappings = (next: unknown[]) => onConfig(writeAt(config, ["mappings"], next));
  return (
    <>
      <ConfigField kind={kind} name="mode" config={config} onConfig={onConfig} />
      <p className="text-xs text-slate-500">replace: the output has only the fields below. merge: it starts as a copy of the input and the fields below overwrite it.</p>
      {/* Sized by the panel, not the window: two columns only when the side panel itself is wide. */}
      <div className="@container">
        <div className="grid grid-cols-1 gap-3 @2xl:grid-cols-[2fr_3fr]">
          {/* Stays in view while the target list scrolls under it, so any target is one drag away. */}
          <div className="sticky top-0 z-10 bg-white pb-1 @2xl:static">
            <EditorSection title="Sample fields">
              <p className="text-xs text-slate-500">Drag a field onto a target field, or onto the dashed box to add one.</p>
              <SampleTreeView compact />
            </EditorSection>
          </div>
          <EditorSection title="Target fields" paths={["config.mappings"]}>
            <ol className="space-y-2" data-testid="mapping-list">
              {mappings.map((mapping, index) => (
                <MappingRow
                  key={index}
                  index={index}
                  mapping={mapping}
                  preview={preview?.fields[index]}
                  onChange={(next) => setMappings(mappings.map((current, at) => (at === index ? next : current)))}
                  onRemove={() => setMappings(mappings.filter((_, at) => at !== index))}
                />
              ))}
            </ol>
            <div data-testid="mapping-drop-new" {...sampleDropTarget((source) => setMappings([...mappings, mappingFor(source)]))} className="rounded-md border border-dashed border-slate-300 p-3 text-center text-xs text-slate-500">
              Drop a sample field here to map it, or{" "}
              <LinkButton data-testid="mapping-add" onClick={() => setMappings([...mappings, { target: "", source: "", transform: [] }])}>
                add a target field
              </LinkButton>
            </div>
          </EditorSection>
        </div>
      </div>
      <MappingPreviewPanel hasSample={sample !== undefined} result={result} />
      <RemainingFields kind={kind} drawn={DRAWN} config={config} onConfig={onConfig} />
    </>
  );
}
