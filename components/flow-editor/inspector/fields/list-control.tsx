"use client";

import { INPUT_CLASSES } from "@/components/ui/field";
import { fieldId, type ControlProps } from "@/components/flow-editor/inspector/fields/control-props";
import { LinkButton } from "@/components/flow-editor/inspector/fields/field-row";
import { NumberControl } from "@/components/flow-editor/inspector/fields/number-control";
import { toProblemPath } from "@/components/flow-editor/inspector/model/config-path";
import type { Control } from "@/components/flow-editor/inspector/model/describe-schema";

type ListProps = ControlProps<Extract<Control, { type: "list" }>>;

/** A list of scalars: a checkbox per option for enums (retry on…), else one input per item with add and remove. */
export function ListControl(props: ListProps) {
  const items: unknown[] = Array.isArray(props.value) ? props.value : [];
  const { item } = props.control;
  if (item.type === "enum") {
    const toggle = (option: string, on: boolean) => props.onChange(on ? [...items.filter((x) => x !== option), option] : items.filter((x) => x !== option));
    return (
      <div id={props.id} role="group" className="flex flex-wrap gap-3">
        {item.options.map((option) => (
          <label key={option} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" data-testid={`inspector-field-${toProblemPath(props.path)}-${option}`} checked={items.includes(option)} onChange={(event) => toggle(option, event.target.checked)} />
            {option}
          </label>
        ))}
      </div>
    );
  }
  const set = (index: number, next: unknown) => props.onChange(items.map((current, at) => (at === index ? next : current)));
  return (
    <div id={props.id} className="space-y-1">
      {items.map((current, index) => {
        const path = [...props.path, index];
        return (
          <div key={index} className="flex items-start gap-2">
            <div className="flex-1">
              {item.type === "number" ? (
                <NumberControl id={fieldId(path)} path={path} control={{ type: "number", integer: item.integer }} value={current} onChange={(next) => set(index, next ?? "")} />
              ) : (
                <input id={fieldId(path)} data-testid={`inspector-field-${toProblemPath(path)}`} className={INPUT_CLASSES} value={typeof current === "string" ? current : String(current ?? "")} onChange={(event) => set(index, event.target.value)} />
              )}
            </div>
            <LinkButton aria-label={`Remove item ${index + 1}`} onClick={() => props.onChange(items.filter((_, at) => at !== index))}>
              Remove
            </LinkButton>
          </div>
        );
      })}
      <LinkButton data-testid={`inspector-add-${toProblemPath(props.path)}`} onClick={() => props.onChange([...items, item.type === "number" ? 0 : ""])}>
        + Add
      </LinkButton>
    </div>
  );
}
