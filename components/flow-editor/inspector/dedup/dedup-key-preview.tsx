"use client";

import { computeDedupKey } from "@/lib/dedup/compute-dedup-key";
import { dedupConfigSchema } from "@/lib/flows/schema";
import { useDebouncedResult } from "@/components/flow-editor/inspector/fields/use-debounced-result";
import { useInspector } from "@/components/flow-editor/inspector/inspector-context";

type KeyPreview = { state: "no-sample" } | { state: "invalid" } | { state: "key"; key: string | null };

async function previewKey(sample: unknown, config: unknown): Promise<KeyPreview> {
  if (sample === undefined) return { state: "no-sample" };
  const parsed = dedupConfigSchema.safeParse(config);
  if (!parsed.success) return { state: "invalid" };
  return { state: "key", key: await computeDedupKey(parsed.data, sample) };
}

/** The key this node would claim for the sample, computed by the executor's own computeDedupKey. */
export function DedupKeyPreview({ config }: { config: unknown }) {
  const { sample } = useInspector();
  const result = useDebouncedResult(() => previewKey(sample, config), [sample, config]);
  let text = "Computing…";
  let tone = "text-slate-500";
  if (result?.ok === false) [text, tone] = [result.error, "text-red-700"];
  else if (result?.value.state === "no-sample") text = "Add a sample event to see its key.";
  else if (result?.value.state === "invalid") text = "Fix the problems above to see the key.";
  else if (result?.value.state === "key" && result.value.key === null) [text, tone] = ["No key: the fields are missing or empty in the sample, so it would not be deduplicated.", "text-amber-700"];
  else if (result?.value.state === "key") [text, tone] = [result.value.key ?? "", "font-mono text-slate-900"];
  return (
    <div className="rounded-md bg-slate-50 p-2 text-xs">
      <span className="text-slate-500">Key for the sample: </span>
      <span data-testid="dedup-key-preview" className={`break-all ${tone}`}>
        {text}
      </span>
    </div>
  );
}
