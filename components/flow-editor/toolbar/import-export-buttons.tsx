"use client";

import { useRef, useState, type ChangeEvent } from "react";
import { ApiError } from "@/components/flow-editor/api/api-error";
import { exportUrl, importIntoFlow } from "@/components/flow-editor/api/editor-api";
import type { FileProblem } from "@/components/flow-editor/api/types";
import { isEditable } from "@/components/flow-editor/canvas/displayed-graph";
import { useEditorServices } from "@/components/flow-editor/editor-context";
import { useEditorStore, useEditorStoreApi } from "@/components/flow-editor/editor-store-context";
import { Button, buttonClasses } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/modal-dialog";

type ImportFailure = { message: string; problems: FileProblem[] };

/**
 * Export downloads the draft as a file; Import replaces the draft with a
 * file's definition after the server validated it. A bad file changes
 * nothing and lists what is wrong; a good one is one Ctrl+Z away from undone.
 */
export function ImportExportButtons() {
  const store = useEditorStoreApi();
  const { flowId, flushSave } = useEditorServices();
  const editable = useEditorStore(isEditable);
  const input = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<ImportFailure | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    try {
      const parsed = parseJson(await file.text());
      // The import is checked against the stored revision, so pending edits go first.
      if (!(await flushSave())) throw new ApiError(0, "unsaved", "The current draft could not be saved; resolve that before importing");
      const flow = await importIntoFlow(flowId, { file: parsed, expectedRevision: store.getState().revision });
      store.getState().replaceDraft(flow.draft, flow.draftRevision, store.getState().sample);
      store.getState().setNotice(`Imported ${file.name}`);
    } catch (error) {
      setFailure(describeFailure(error));
    }
  };

  return (
    <>
      <a href={exportUrl(flowId)} download className={buttonClasses("secondary")} title="Download the draft as a JSON file">
        Export
      </a>
      {editable ? (
        <>
          <Button variant="secondary" onClick={() => input.current?.click()} title="Replace the draft with a flow file">
            Import
          </Button>
          <input ref={input} type="file" accept="application/json,.json" className="hidden" data-testid="import-file" onChange={(event) => void onFile(event)} />
        </>
      ) : null}
      <ModalDialog open={failure !== null} onClose={() => setFailure(null)} title="Import failed: the draft was not changed">
        <p className="text-sm text-slate-700">{failure?.message}</p>
        {failure && failure.problems.length > 0 ? (
          <ul className="max-h-64 list-disc space-y-1 overflow-y-auto pl-5 text-sm text-red-800" data-testid="import-problems">
            {failure.problems.map((problem, index) => (
              <li key={index}>
                {problem.path ? <code className="text-xs">{problem.path}</code> : null} {problem.message}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="flex justify-end">
          <Button onClick={() => setFailure(null)}>Close</Button>
        </div>
      </ModalDialog>
    </>
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(0, "bad_file", `The file is not JSON: ${error instanceof Error ? error.message : "parse error"}`);
  }
}

function describeFailure(error: unknown): ImportFailure {
  if (!(error instanceof ApiError)) return { message: error instanceof Error ? error.message : "Import failed", problems: [] };
  const details = error.details as { problems?: unknown } | undefined;
  const problems = Array.isArray(details?.problems) ? (details.problems as FileProblem[]) : [];
  return { message: error.message, problems };
}
