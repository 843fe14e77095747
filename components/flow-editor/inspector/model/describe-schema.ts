import type { z } from "zod";
import { FIELD_HINTS, humanizeKey, type TextFormat } from "@/components/flow-editor/inspector/model/field-hints";

export type ScalarItem = { type: "text" } | { type: "number"; integer: boolean } | { type: "enum"; options: readonly string[] };

/** How one config field is edited; derived from its zod schema so a new field gets a form without UI work. */
export type Control =
  | { type: "text"; format: TextFormat }
  | { type: "number"; integer: boolean; min?: number; max?: number }
  | { type: "boolean" }
  | { type: "enum"; options: readonly string[] }
  | { type: "credential" }
  | { type: "list"; item: ScalarItem }
  | { type: "record" }
  | { type: "object"; fields: FieldDescriptor[] }
  | { type: "json" };

export type FieldDescriptor = {
  key: string;
  label: string;
  help?: string;
  /** Absent is allowed and means "not set" (an Add/Remove toggle), as opposed to absent meaning the default. */
  optional: boolean;
  /** What the worker uses when the field is absent. */
  defaultValue?: unknown;
  control: Control;
};

type Schema = z.core.$ZodType;

/**
 * Walks a zod 4 object schema's definition (`_zod.def`) into form fields.
 * The def is used rather than z.toJSONSchema because it keeps what a form
 * needs and JSON Schema loses: which fields are credential refs, which
 * `z.json()` values are free JSON, and defaults given as functions.
 */
export function describeSchema(schema: Schema): FieldDescriptor[] {
  const objectDef = unwrap(schema).schema._zod.def;
  if (objectDef.type !== "object") return [];
  const shape = (objectDef as z.core.$ZodObjectDef).shape;
  return Object.entries(shape).map(([key, field]) => describeField(key, field));
}

function describeField(key: string, field: Schema): FieldDescriptor {
  const { schema, optional, defaultValue } = unwrap(field);
  const hint = FIELD_HINTS[key];
  const descriptor: FieldDescriptor = { key, label: hint?.label ?? humanizeKey(key), optional, control: controlFor(key, schema) };
  if (hint?.help !== undefined) descriptor.help = hint.help;
  if (defaultValue !== undefined) descriptor.defaultValue = defaultValue;
  return descriptor;
}

/** Peels optional/default/prefault/nullable/pipe wrappers; refinements in zod 4 are checks, not wrappers. */
function unwrap(field: Schema): { schema: Schema; optional: boolean; defaultValue?: unknown } {
  let schema = field;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const def = (schema as z.core.$ZodTypes)._zod.def;
    if (def.type === "optional") optional = true;
    else if (def.type === "default" || def.type === "prefault") defaultValue ??= structuredClone(def.defaultValue);
    else if (def.type === "pipe") {
      schema = def.in;
      continue;
    } else if (def.type !== "nullable") return { schema, optional, defaultValue };
    schema = def.innerType;
  }
}

function controlFor(key: string, schema: Schema): Control {
  const typed = schema as z.core.$ZodTypes;
  const def = typed._zod.def;
  switch (def.type) {
    case "string":
      return key === "credentialRef" ? { type: "credential" } : { type: "text", format: FIELD_HINTS[key]?.format ?? "plain" };
    case "number":
      return numberControl(schema);
    case "boolean":
      return { type: "boolean" };
    case "enum":
      return { type: "enum", options: Object.values(def.entries).map(String) };
    case "array": {
      const item = scalarItem(unwrap(def.element).schema);
      return item === undefined ? { type: "json" } : { type: "list", item };
    }
    case "record":
      return { type: "record" };
    case "object":
      return { type: "object", fields: describeSchema(schema) };
    case "union":
      // "iso" | a format string: still typed as text; the schema message says what fits.
      return def.options.every(isTextLike) ? { type: "text", format: FIELD_HINTS[key]?.format ?? "plain" } : { type: "json" };
    default:
      // z.json() is a lazy union; unions and anything else get the JSON editor, which can express every value.
      return { type: "json" };
  }
}

// The classic ZodNumber exposes its checks' bounds; a core-only schema just gets a plain number input.
function numberControl(schema: Schema): Control & { type: "number" } {
  const number = schema as Partial<Pick<z.ZodNumber, "minValue" | "maxValue" | "isInt">>;
  const control: Control & { type: "number" } = { type: "number", integer: number.isInt === true };
  if (typeof number.minValue === "number" && Number.isFinite(number.minValue)) control.min = number.minValue;
  if (typeof number.maxValue === "number" && Number.isFinite(number.maxValue)) control.max = number.maxValue;
  return control;
}

function scalarItem(schema: Schema): ScalarItem | undefined {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  if (def.type === "string") return { type: "text" };
  if (def.type === "enum") return { type: "enum", options: Object.values(def.entries).map(String) };
  if (def.type === "number") return { type: "number", integer: numberControl(schema).integer };
  return undefined;
}

function isTextLike(option: Schema): boolean {
  const def = (unwrap(option).schema as z.core.$ZodTypes)._zod.def;
  return def.type === "string" || def.type === "enum" || (def.type === "literal" && def.values.every((value) => typeof value === "string"));
}
