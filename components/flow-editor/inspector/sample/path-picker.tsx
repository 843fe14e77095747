"use client";

import { useMemo } from "react";
import { INPUT_CLASSES } from "@/components/ui/field";
import { useInspector } from "@/components/flow-editor/inspector/inspector-context";
import { buildSampleTree, listSamplePaths } from "@/components/flow-editor/inspector/model/sample-tree";

type PathPickerProps = { id?: string; testId: string; label: string; onPick: (path: string) => void };

/** The keyboard alternative to dragging: a select of every sample path. Renders nothing without a sample. */
export function PathPicker({ id, testId, label, onPick }: PathPickerProps) {
  const { sample } = useInspector();
  const paths = useMemo(() => listSamplePaths(buildSampleTree(sample)), [sample]);
  if (paths.length === 0) return null;
  return (
    <select id={id} data-testid={testId} aria-label={label} className={`${INPUT_CLASSES} w-auto text-xs`} value="" onChange={(event) => event.target.value !== "" && onPick(event.target.value)}>
      <option value="">Pick from sample…</option>
      {paths.map((path) => (
        <option key={path} value={path}>
          {path}
        </option>
      ))}
    </select>
  );
}
