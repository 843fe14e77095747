"use client";

import { useState } from "react";
import { fetchSample } from "@/components/flow-editor/api/editor-api";
import { useEditorStore, useEditorStoreApi } from "@/components/flow-editor/editor-store-context";
import { Button } from "@/components/ui/button";

const toText = (sample: unknown) => (sample === undefined || sample === null ? "" : JSON.stringify(sample, null, 2));

/**
 * The sample event as JSON text. Only text that parses reaches the store
 * (and the autosave); while it does not, the error shows and the last good
 * sample stays in use, so a half-typed brace loses nothing.
 */
export function SampleEditor() {
  const store = useEditorStoreApi();
  const readOnly = useEditorStore((state) => state.readOnly);
  const [text, setText] = useState(() => toText(store.getState().sample));
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);

  const onText = (next: string) => {
    setText(next);
    setInfo(null);
    if (next.trim() === "") return setError(null);
    try {
      store.getState().setSample(JSON.parse(next));
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Not valid JSON");
    }
  };

  const loadLastEvent = async () => {
    try {
      const { sample, source } = await fetchSample(store.getState().flowId);
      if (sample === null || sample === undefined) return setInfo("No event has reached this flow yet; paste a sample instead.");
      setText(toText(sample));
      setError(null);
      store.getState().setSample(sample);
      setInfo(source === "last-event" ? "Loaded the last event this flow received." : "Loaded the saved sample.");
    } catch (failure) {
      setInfo(failure instanceof Error ? failure.message : "Could not load the last event");
    }
  };

  return (
    <div className="space-y-1">
      <div className="flex items-center">
        <label htmlFor="sample-json" className="text-xs font-medium text-slate-700">
          Sample event (JSON)
        </label>
        {readOnly ? null : (
          <Button variant="secondary" className="ml-auto px-2! py-0.5! text-xs!" onClick={() => void loadLastEvent()}>
            Load last event
          </Button>
        )}
      </div>
      <textarea
        id="sample-json"
        value={text}
        onChange={(event) => onText(event.target.value)}
        readOnly={readOnly}
        spellCheck={false}
        rows={8}
        aria-invalid={error !== null}
        aria-describedby={error ? "sample-json-error" : undefined}
        placeholder='{ "id": "evt-1", "order": { "id": "ORD-1" } }'
        className={`w-full rounded-md border px-2 py-1.5 font-mono text-xs ${error ? "border-red-400" : "border-slate-300"}`}
      />
      {error ? (
        <p id="sample-json-error" className="text-xs text-red-700" data-testid="sample-error">
          Not valid JSON: {error}. The last valid sample is still used.
        </p>
      ) : null}
      {info ? <p className="text-xs text-slate-600">{info}</p> : null}
    </div>
  );
}
