"use client";

import type { ReactNode } from "react";
import { INLINE_INPUT_CLASSES } from "@/components/flow-editor/inspector/fields/input-classes";
import { LinkButton } from "@/components/flow-editor/inspector/fields/field-row";
import { IssueMessages } from "@/components/flow-editor/inspector/fields/issue-messages";
import { SchemaFields } from "@/components/flow-editor/inspector/fields/schema-fields";
import { ConcatenateParts } from "@/components/flow-editor/inspector/map-fields/concatenate-parts";
import { ValueMapTable } from "@/components/flow-editor/inspector/map-fields/value-map-table";
import { toProblemPath, type ConfigPath } from "@/components/flow-editor/inspector/model/config-path";
import {
  addTransform,
  isTransformType,
  moveTransform,
  readTransforms,
  removeTransform,
  replaceTransform,
  TRANSFORM_CATALOG,
  TRANSFORM_TYPES,
  type DraftTransform,
} from "@/components/flow-editor/inspector/model/transform-list";
import { transformFields } from "@/components/flow-editor/inspector/model/transform-fields";

type TransformListProps = { value: unknown; path: ConfigPath; mappingIndex: number; onChange: (transforms: DraftTransform[]) => void };

/** A mapping's transform chain, applied top to bottom: add from the catalog, edit parameters, reorder, remove. */
export function TransformList({ value, path, mappingIndex, onChange }: TransformListProps) {
  const transforms = readTransforms(value);
  return (
    <div className="space-y-2" data-testid={`transforms-${mappingIndex}`}>
      {transforms.map((transform, index) => {
        const itemPath = [...path, index];
        const id = `${mappingIndex}-${index}`;
        const label = isTransformType(transform.type) ? TRANSFORM_CATALOG[transform.type].label : `Unknown transform "${transform.type}"`;
        return (
          <div key={index} data-testid={`transform-${id}`} data-transform-type={transform.type} className="rounded border border-slate-200 bg-slate-50 p-2">
            <div className="flex items-center justify-between gap-2">
              <span className="text-xs font-medium text-slate-800">
                {index + 1}. {label}
              </span>
              <span className="flex gap-2">
                <LinkButton data-testid={`transform-up-${id}`} aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => onChange(moveTransform(transforms, index, -1))}>
                  ↑
                </LinkButton>
                <LinkButton data-testid={`transform-down-${id}`} aria-label={`Move ${label} down`} disabled={index === transforms.length - 1} onClick={() => onChange(moveTransform(transforms, index, 1))}>
                  ↓
                </LinkButton>
                <LinkButton data-testid={`transform-remove-${id}`} aria-label={`Remove ${label}`} onClick={() => onChange(removeTransform(transforms, index))}>
                  Remove
                </LinkButton>
              </span>
            </div>
            <div className="mt-2 empty:mt-0">{renderParams(transform, itemPath, id, (next) => onChange(replaceTransform(transforms, index, next)))}</div>
            <IssueMessages path={toProblemPath(itemPath)} />
          </div>
        );
      })}
      <select
        data-testid={`transform-add-${mappingIndex}`}
        aria-label={`Add a transform to mapping ${mappingIndex + 1}`}
        className={`${INLINE_INPUT_CLASSES} w-auto text-xs`}
        value=""
        onChange={(event) => isTransformType(event.target.value) && onChange(addTransform(transforms, event.target.value))}
      >
        <option value="">+ Add transform…</option>
        {TRANSFORM_TYPES.map((type) => (
          <option key={type} value={type}>
            {TRANSFORM_CATALOG[type].label}
          </option>
        ))}
      </select>
    </div>
  );
}

function renderParams(transform: DraftTransform, path: ConfigPath, id: string, onChange: (next: DraftTransform) => void): ReactNode {
  const write = (next: Record<string, unknown>) => onChange({ ...next, type: transform.type });
  if (transform.type === "value-map") return <ValueMapTable transform={transform} path={path} testId={`value-map-${id}`} onChange={write} />;
  if (transform.type === "concatenate") return <ConcatenateParts transform={transform} path={path} onChange={write} />;
  if (!isTransformType(transform.type)) return null;
  const fields = transformFields(transform.type);
  return fields.length === 0 ? null : <SchemaFields fields={fields} value={transform} path={path} onChange={write} />;
}
