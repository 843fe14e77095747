import type { TransformType } from "@/lib/flows/schema";

/** A transform as the draft holds it: possibly half filled in, so not yet a Transform. */
export type DraftTransform = { type: string } & Record<string, unknown>;

type TransformMeta = { label: string; starter: () => DraftTransform };

/** Every transform the engine knows, in the order the "add" menu lists them; a new type without an entry is a type error. */
export const TRANSFORM_CATALOG: { readonly [T in TransformType]: TransformMeta } = {
  trim: { label: "Trim spaces", starter: () => ({ type: "trim" }) },
  lowercase: { label: "Lower case", starter: () => ({ type: "lowercase" }) },
  uppercase: { label: "Upper case", starter: () => ({ type: "uppercase" }) },
  "to-number": { label: "To number", starter: () => ({ type: "to-number" }) },
  "to-string": { label: "To text", starter: () => ({ type: "to-string" }) },
  "to-boolean": { label: "To true/false", starter: () => ({ type: "to-boolean" }) },
  "phone-e164": { label: "Phone (E.164)", starter: () => ({ type: "phone-e164" }) },
  "date-iso": { label: "Date (ISO 8601)", starter: () => ({ type: "date-iso" }) },
  "date-format": { label: "Date format", starter: () => ({ type: "date-format", outputFormat: "YYYY-MM-DD", timezone: "UTC" }) },
  default: { label: "Default value", starter: () => ({ type: "default", value: "" }) },
  template: { label: "Template", starter: () => ({ type: "template", template: "{{value}}" }) },
  "value-map": { label: "Value map", starter: () => ({ type: "value-map", entries: [{ from: "", to: "" }], fallback: { mode: "keep" } }) },
  concatenate: { label: "Concatenate", starter: () => ({ type: "concatenate", with: [{ text: "" }], separator: " ", skipEmpty: true }) },
};

export const TRANSFORM_TYPES = Object.keys(TRANSFORM_CATALOG) as TransformType[];

export function isTransformType(type: string): type is TransformType {
  return Object.hasOwn(TRANSFORM_CATALOG, type);
}

/** The draft's transform list; anything that is not a list of typed objects reads as empty rather than crashing the form. */
export function readTransforms(value: unknown): DraftTransform[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is DraftTransform => typeof item === "object" && item !== null && typeof (item as { type?: unknown }).type === "string");
}

export function addTransform(list: readonly DraftTransform[], type: TransformType): DraftTransform[] {
  return [...list, TRANSFORM_CATALOG[type].starter()];
}

export function removeTransform(list: readonly DraftTransform[], index: number): DraftTransform[] {
  return list.filter((_, at) => at !== index);
}

export function replaceTransform(list: readonly DraftTransform[], index: number, next: DraftTransform): DraftTransform[] {
  return list.map((item, at) => (at === index ? next : item));
}

/** Moves one step up (-1) or down (+1); order matters (trim before to-number), so analysts reorder rather than re-add. */
export function moveTransform(list: readonly DraftTransform[], index: number, offset: -1 | 1): DraftTransform[] {
  const to = index + offset;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(index, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}
