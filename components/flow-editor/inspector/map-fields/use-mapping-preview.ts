"use client";

import { useEffect, useState } from "react";
import { previewMapping, type MappingPreview } from "@/components/flow-editor/inspector/model/preview-mapping";

// Long enough that typing a path does not evaluate every keystroke's half-path.
const PREVIEW_DELAY_MS = 300;

/** The mapping previewed against the sample, recomputed a moment after the last edit; a stale evaluation never overwrites a newer one. */
export function useMappingPreview(sample: unknown, config: unknown): MappingPreview | undefined {
  const [preview, setPreview] = useState<MappingPreview | undefined>(undefined);
  useEffect(() => {
    if (sample === undefined) return;
    let current = true;
    const timer = setTimeout(() => {
      previewMapping(sample, config).then(
        (result) => current && setPreview(result),
        (error: unknown) => current && setPreview({ output: undefined, fields: [], error: error instanceof Error ? error.message : String(error) }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [sample, config]);
  return sample === undefined ? undefined : preview;
}
