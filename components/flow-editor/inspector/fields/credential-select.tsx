"use client";

import { INPUT_CLASSES } from "@/components/ui/field";
import type { ControlProps } from "@/components/flow-editor/inspector/fields/control-props";
import { useInspector } from "@/components/flow-editor/inspector/inspector-context";
import { toProblemPath } from "@/components/flow-editor/inspector/model/config-path";

/**
 * Picks a vault credential by name (the flow stores only the name; secrets
 * never reach the browser, R20/R21). A name that is no longer in the vault
 * stays selectable, marked missing, so opening a node never rewrites it.
 */
export function CredentialSelect({ id, path, value, onChange }: Omit<ControlProps, "control">) {
  const { credentials } = useInspector();
  const current = typeof value === "string" ? value : "";
  const known = credentials.some((credential) => credential.name === current);
  return (
    <select id={id} data-testid={`inspector-field-${toProblemPath(path)}`} className={INPUT_CLASSES} value={current} onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}>
      <option value="">None</option>
      {current !== "" && !known ? <option value={current}>{current} (not in the vault)</option> : null}
      {credentials.map((credential) => (
        <option key={`${credential.name}/${credential.environment}`} value={credential.name}>
          {credential.name} · {credential.type} · {credential.environment}
        </option>
      ))}
    </select>
  );
}
