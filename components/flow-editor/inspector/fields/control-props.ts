import type { Control } from "@/components/flow-editor/inspector/model/describe-schema";
import type { ConfigPath } from "@/components/flow-editor/inspector/model/config-path";

/** What every control gets: its place in the config, its current (possibly invalid) value, and where to send a new one. */
export type ControlProps<C extends Control = Control> = {
  id: string;
  path: ConfigPath;
  control: C;
  value: unknown;
  /** undefined removes the field, so its default applies again. */
  onChange: (value: unknown) => void;
  placeholder?: string | undefined;
};

/** A DOM id and test id for a config path; one inspector is open at a time, so the path is unique. */
export function fieldId(path: ConfigPath): string {
  return `inspector-${path.join("-")}`;
}
