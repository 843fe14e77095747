import { fieldMappingSchema } from "@/lib/flows/schema";
import { applyMapping } from "@/lib/mapping/apply-mapping";
import { getPath } from "@/lib/mapping/get-path";
import { MappingError } from "@/lib/mapping/mapping-error";
import { setPath } from "@/lib/mapping/set-path";

export type FieldPreview = { index: number; target: string; value?: unknown; error?: string };
export type MappingPreview = { output: unknown; fields: FieldPreview[]; error?: string };

/**
 * The map-fields output for the sample, evaluated one mapping at a time with
 * the engine's own applyMapping, so one broken field shows its error while
 * every other field still shows its value. The output is the good fields
 * written in order, as the worker would write them.
 */
export async function previewMapping(sample: unknown, config: unknown): Promise<MappingPreview> {
  const record = typeof config === "object" && config !== null ? (config as Record<string, unknown>) : {};
  const merge = record.mode === "merge";
  const mappings: unknown[] = Array.isArray(record.mappings) ? record.mappings : [];
  if (merge && (typeof sample !== "object" || sample === null || Array.isArray(sample))) {
    return { output: undefined, fields: [], error: "Merge mode needs the sample to be a JSON object" };
  }
  let output: unknown = merge ? structuredClone(sample) : {};
  const fields: FieldPreview[] = [];
  for (const [index, raw] of mappings.entries()) {
    const field = await previewField(sample, raw, index);
    fields.push(field);
    if (field.error !== undefined || field.value === undefined) continue;
    try {
      output = setPath(output, field.target, field.value);
    } catch (error) {
      // Two targets that cannot both exist ("a" a text, then "a.b"): the later one is the one to fix.
      if (!(error instanceof MappingError)) throw error;
      field.error = error.message;
      delete field.value;
    }
  }
  return { output, fields };
}

async function previewField(sample: unknown, raw: unknown, index: number): Promise<FieldPreview> {
  const parsed = fieldMappingSchema.safeParse(raw);
  const rawTarget = (raw as { target?: unknown } | null)?.target;
  const target = typeof rawTarget === "string" ? rawTarget : "";
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "" : `${issue.path.join(".")}: `;
    return { index, target, error: `Not evaluated: ${where}${issue?.message ?? "invalid mapping"}` };
  }
  const mapping = parsed.data;
  try {
    const result = await applyMapping(sample, { mode: "replace", mappings: [mapping] });
    const value = getPath(result, mapping.target);
    if (value === undefined && mapping.source !== undefined && getPath(sample, mapping.source) === undefined) {
      return { index, target, error: `${mapping.source} not found in the sample` };
    }
    return { index, target, value };
  } catch (error) {
    if (error instanceof MappingError) return { index, target, error: error.message };
    throw error;
  }
}
