"use client";

import { useMemo } from "react";
import { INLINE_INPUT_CLASSES } from "@/components/flow-editor/inspector/fields/input-classes";
import { useInspector } from "@/components/flow-editor/inspector/inspector-context";
import { buildSampleTree, listSamplePaths } from "@/components/flow-editor/inspector/model/sample-tree";

type PathPickerProps = { id?: string; testId: string; label: string; onPick: (path: string) => void };

/** The keyboard alternative to dragging: a select of every sample path. Renders nothing without a sample. */
export function PathPicker({ id, testId, label, onPick }: PathPickerProps) {
  const { sample } = useInspector();
  const paths = useMemo(() => listSamplePaths(buildSampleTree(sample)), [sample]);
  if (paths.length === 0) return null;
  return (
    <select id={id} data-testid={testId} aria-label={label} className={`${INLINE_INPUT_CLASSES} w-32 shrink-0 text-xs`} value="" onChange={(event) => event.target.value !== "" && onPick(event.target.value)}>
      <option value="">Pick from sample…</option>
      {paths.map((path) => (
        <option key={path} value={path}>
          {path}
        </option>
      ))}
    </select>
  );
}
