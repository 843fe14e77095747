"use client";

import { JsonBlock } from "@/components/ui/json-block";
import { EditorSection } from "@/components/flow-editor/inspector/editors/editor-section";
import type { DebouncedResult } from "@/components/flow-editor/inspector/fields/use-debounced-result";
import type { MappingPreview } from "@/components/flow-editor/inspector/model/preview-mapping";

/** The step's output for the sample; per-field errors sit next to their fields, this only says they were left out. */
export function MappingPreviewPanel({ hasSample, result }: { hasSample: boolean; result: DebouncedResult<MappingPreview> | undefined }) {
  let body;
  if (!hasSample) body = <p className="text-xs text-slate-500">Add a sample event to see what this step would output.</p>;
  else if (result === undefined) body = <p className="text-xs text-slate-500">Evaluating…</p>;
  else if (!result.ok) body = <p className="text-xs text-red-700">{result.error}</p>;
  else {
    const preview = result.value;
    body = (
      <>
        {preview.error === undefined ? null : <p className="text-xs text-red-700">{preview.error}</p>}
        <div data-testid="mapping-preview-output">
          <JsonBlock value={preview.output} />
        </div>
        {preview.fields.some((field) => field.error !== undefined) ? <p className="text-xs text-red-700">Fields with errors are left out; their messages are next to them above.</p> : null}
      </>
    );
  }
  return (
    <EditorSection title="Preview with the sample" testId="mapping-preview">
      {body}
    </EditorSection>
  );
}
