"use client";

import type { NodeKind } from "@/lib/flows/schema";
import { ConfigField } from "@/components/flow-editor/inspector/editors/config-field";
import { PathPicker } from "@/components/flow-editor/inspector/sample/path-picker";
import { sampleDropTarget } from "@/components/flow-editor/inspector/sample/sample-drag";
import { writeAt } from "@/components/flow-editor/inspector/model/config-path";

type PathFieldProps = { kind: NodeKind; name: string; config: unknown; onConfig: (config: unknown) => void; placeholder?: string };

/** A config field holding a dot path into the event: typed, dropped from the sample tree, or picked from it. */
export function PathField({ kind, name, config, onConfig, placeholder }: PathFieldProps) {
  const set = (path: string) => onConfig(writeAt(config, [name], path));
  return (
    <div {...sampleDropTarget(set)} className="space-y-1">
      <ConfigField kind={kind} name={name} config={config} onConfig={onConfig} {...(placeholder === undefined ? {} : { placeholder })} />
      <PathPicker testId={`path-pick-${name}`} label={`Pick ${name} from the sample`} onPick={set} />
    </div>
  );
}
