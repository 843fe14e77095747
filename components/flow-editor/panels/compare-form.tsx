"use client";

import type { FormEvent } from "react";
import type { DiffEnd } from "@/components/flow-editor/api/types";
import { useEditorServices } from "@/components/flow-editor/editor-context";
import { useEditorStore, useEditorStoreApi } from "@/components/flow-editor/editor-store-context";
import { showComparison } from "@/components/flow-editor/hooks/show-comparison";
import { usePendingAction } from "@/components/flow-editor/hooks/use-pending-action";
import { DiffList } from "@/components/flow-editor/panels/diff-list";
import { Button } from "@/components/ui/button";
import { INPUT_CLASSES } from "@/components/ui/field";
import { SelectOptions } from "@/components/ui/select-options";

const parseEnd = (value: string): DiffEnd => (value === "draft" ? "draft" : Number(value));

/** Pick two versions (or a version and the draft) and see what changed, on the canvas and as a list. */
export function CompareForm() {
  const store = useEditorStoreApi();
  const { flushSave } = useEditorServices();
  const versions = useEditorStore((state) => state.versions);
  const overlay = useEditorStore((state) => state.overlay);
  const { pending, error, run } = usePendingAction();
  if (versions.length === 0) return null;
  const options = [...versions.map((version) => ({ value: String(version.number), label: `v${version.number}` })), { value: "draft", label: "Draft" }];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    return run(() => showComparison(store, parseEnd(String(form.get("from"))), parseEnd(String(form.get("to"))), flushSave), "Comparison failed");
  };

  return (
    <section className="space-y-2">
      <h3 className="text-sm font-semibold">Compare</h3>
      {/* Keyed by the newest version, so the default choices follow a publish or rollback. */}
      <form key={versions[0]?.number} onSubmit={(event) => void submit(event)} className="flex items-end gap-2">
        <EndSelect name="from" label="From" options={options} defaultValue={String(versions[1]?.number ?? versions[0]!.number)} />
        <EndSelect name="to" label="To" options={options} defaultValue={versions[1] ? String(versions[0]!.number) : "draft"} />
        <Button type="submit" variant="secondary" disabled={pending}>
          Compare
        </Button>
      </form>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      {overlay?.mode === "compare" ? <DiffList diff={overlay.diff} /> : null}
    </section>
  );
}

type EndSelectProps = { name: "from" | "to"; label: string; options: { value: string; label: string }[]; defaultValue: string };

function EndSelect({ name, label, options, defaultValue }: EndSelectProps) {
  return (
    <label className="flex-1 text-xs font-medium text-slate-700">
      {label}
      <select name={name} aria-label={`Compare ${name}`} defaultValue={defaultValue} className={INPUT_CLASSES}>
        <SelectOptions options={options} />
      </select>
    </label>
  );
}
