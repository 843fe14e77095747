import type { Transform, TransformType } from "@/lib/flows/schema";
import { formatDate } from "@/lib/mapping/format-date";
import { getPath } from "@/lib/mapping/get-path";
import { MappingError } from "@/lib/mapping/mapping-error";
import { normalizePhone } from "@/lib/mapping/normalize-phone";
import { parseDate } from "@/lib/mapping/parse-date";
import { parseDateFormat } from "@/lib/mapping/parse-date-format";
import { renderTemplateString } from "@/lib/mapping/render-template";

export type ApplyTransformsOptions = {
  /** The mapping's output path, named in errors. */
  target?: string;
  /** The mapping's input, which concatenate reads its source parts from. */
  input?: unknown;
};

type TransformOf<T extends TransformType> = Extract<Transform, { type: T }>;
type TransformFn<T extends TransformType> = (value: NonNullable<unknown>, transform: TransformOf<T>, input: unknown) => unknown;

const TRUE_WORDS = new Set(["true", "yes", "y", "1", "on", "да"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", "off", "нет"]);

/** Thrown inside a transform; applyTransforms adds the target. */
class Impossible extends Error {}

const TRANSFORMS: { [T in TransformType]: TransformFn<T> } = {
  trim: (value) => text(value, "trim").trim(),
  lowercase: (value) => text(value, "lowercase").toLowerCase(),
  uppercase: (value) => text(value, "uppercase").toUpperCase(),
  "to-number": toNumber,
  "to-string": (value) => (typeof value === "object" ? JSON.stringify(value) : String(value)),
  "to-boolean": toBoolean,
  "phone-e164": (value, transform) => {
    const phone = normalizePhone(text(value, "read as a phone number"), { defaultCountryCode: transform.defaultCountryCode });
    if (phone === undefined) {
      const hint = transform.defaultCountryCode === undefined ? " (set a default country code if numbers come without one)" : "";
      throw new Impossible(`${describe(value)} is not a phone number${hint}`);
    }
    return phone;
  },
  "date-iso": (value) => {
    const date = readDate(value);
    if (date === undefined) throw new Impossible(`${describe(value)} is not a recognised date`);
    return date.toISOString();
  },
  default: (value) => value,
  template: (value, transform) => renderTemplateString(transform.template, { value }),
  "value-map": (value, { entries, fallback }) => {
    const key = typeof value === "object" ? JSON.stringify(value) : String(value);
    const entry = entries.find((candidate) => candidate.from === key);
    if (entry) return entry.to;
    if (fallback.mode === "value") return fallback.value;
    if (fallback.mode === "error") throw new Impossible(`${describe(value)} has no entry in the value map`);
    return value;
  },
  concatenate,
  "date-format": (value, { inputFormat, outputFormat, timezone }) => {
    const date = inputFormat === undefined ? readDate(value) : parseDateFormat(text(value, "read as a date"), inputFormat, timezone);
    if (date === undefined) {
      throw new Impossible(inputFormat === undefined ? `${describe(value)} is not a recognised date` : `${describe(value)} does not match the input format "${inputFormat}"`);
    }
    return formatDate(date, outputFormat, timezone);
  },
};

/**
 * Runs a mapping's transforms in order. Null and undefined pass through
 * every transform except "default" and "concatenate", so an optional field
 * that is absent stays absent instead of failing the run.
 */
export function applyTransforms(value: unknown, transforms: readonly Transform[], options: ApplyTransformsOptions = {}): unknown {
  let current = value;
  for (const transform of transforms) {
    const missing = current === undefined || current === null;
    if (transform.type === "default") {
      if (missing) current = transform.value;
      continue;
    }
    // Concatenate joins other parts too, so a missing value is just one empty part.
    if (missing && transform.type !== "concatenate") continue;
    try {
      // TS cannot correlate the table entry with the union member; the mapped type above guarantees it.
      current = (TRANSFORMS[transform.type] as TransformFn<TransformType>)(current as NonNullable<unknown>, transform as never, options.input);
    } catch (error) {
      if (!(error instanceof Impossible)) throw error;
      const target = options.target ?? "";
      const where = target === "" ? "" : ` for "${target}"`;
      throw new MappingError(`Transform ${transform.type}${where} failed: ${error.message}`, { target });
    }
  }
  return current;
}

/**
 * Joins the value with the transform's parts (input fields or fixed text).
 * Missing parts (and the value itself) are left out when skipEmpty, else
 * written as "". Nothing left to join is no value, so a later default fills it.
 */
function concatenate(value: unknown, { with: parts, separator, skipEmpty }: TransformOf<"concatenate">, input: unknown): string | undefined {
  const values = [value, ...parts.map((part) => ("text" in part ? part.text : getPath(input, part.source)))];
  const isEmpty = (item: unknown) => item === undefined || item === null || item === "";
  const kept = skipEmpty ? values.filter((item) => !isEmpty(item)) : values;
  if (kept.every(isEmpty)) return undefined;
  return kept.map((item) => (isEmpty(item) ? "" : text(item as NonNullable<unknown>, "concatenate"))).join(separator);
}

function readDate(value: NonNullable<unknown>): Date | undefined {
  return typeof value === "string" || typeof value === "number" ? parseDate(value) : undefined;
}

function text(value: NonNullable<unknown>, action: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new Impossible(`cannot ${action} ${describe(value)}`);
}

function toNumber(value: NonNullable<unknown>): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") {
    // Spaces are thousands separators in many locales ("1 250 000").
    const compact = value.replace(/[\s\u00a0]/g, "");
    // A blank form field means "no value", which a later "default" can fill.
    if (compact === "") return null;
    const number = Number(compact);
    if (Number.isFinite(number)) return number;
  }
  throw new Impossible(`cannot convert ${describe(value)} to a number`);
}

function toBoolean(value: NonNullable<unknown>): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (word === "") return null;
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  throw new Impossible(`cannot convert ${describe(value)} to true/false`);
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object" && value !== null) return "an object";
  return String(value);
}
