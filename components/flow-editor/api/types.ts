import type { DraftDefinition } from "@/components/flow-editor/model/types";

/* Shapes of the flows API as the editor reads them (JSON: dates are strings). */

export type EditorFlow = {
  id: string;
  name: string;
  status: string;
  hookKey: string;
  draft: DraftDefinition;
  draftRevision: number;
  editorSample: unknown;
  publishedVersionId: string | null;
};

export type VersionSummary = {
  id: string;
  number: number;
  message: string;
  environment: string;
  createdAt: string;
  author: { email: string; name: string } | null;
};

export type VersionDetail = Omit<VersionSummary, "id"> & { definition: DraftDefinition; live: boolean };

export type { DefinitionDiff } from "@/lib/flows/diff-definitions";

/** "draft" or a version number: the two ends of a comparison. */
export type DiffEnd = number | "draft";

export type { DryRunResult, DryRunStep, DryRunStepStatus as DryRunStatus } from "@/lib/dry-run/schema";

export type SampleSource = "saved" | "last-event" | null;

export type FileProblem = { path: string; message: string };
