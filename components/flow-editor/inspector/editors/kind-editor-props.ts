import type { NodeKind } from "@/lib/flows/schema";

/** What each kind's editor gets: the draft config (possibly invalid) and where to send the whole new config. */
export type KindEditorProps = {
  kind: NodeKind;
  config: unknown;
  onConfig: (config: unknown) => void;
};
