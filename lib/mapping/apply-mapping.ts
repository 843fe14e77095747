import jsonata from "jsonata";
import type { FieldMapping, MapFieldsConfig } from "@/lib/flows/schema";
import { applyTransforms } from "@/lib/mapping/apply-transforms";
import { getPath } from "@/lib/mapping/get-path";
import { MappingError } from "@/lib/mapping/mapping-error";
import { setPath } from "@/lib/mapping/set-path";

/**
 * Builds a map-fields node's output from its input. Each mapping reads a
 * source path or evaluates a JSONata expression, falls back to its default
 * when that gives undefined or null, then runs its transforms. A result that
 * is still undefined is not written, so absent stays absent.
 */
export async function applyMapping(input: unknown, config: MapFieldsConfig): Promise<Record<string, unknown>> {
  let output: unknown = startingOutput(input, config.mode);
  for (const mapping of config.mappings) {
    const value = applyTransforms(await readValue(input, mapping), mapping.transform, { target: mapping.target, input });
    if (value !== undefined) output = setPath(output, mapping.target, value);
  }
  return output as Record<string, unknown>;
}

function startingOutput(input: unknown, mode: MapFieldsConfig["mode"]): Record<string, unknown> {
  if (mode === "replace") return {};
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new MappingError(`Merge mode needs an object as input, got ${Array.isArray(input) ? "a list" : String(input)}`, { target: "" });
  }
  return structuredClone(input) as Record<string, unknown>;
}

async function readValue(input: unknown, mapping: FieldMapping): Promise<unknown> {
  const value = mapping.expression === undefined ? getPath(input, mapping.source ?? "") : await evaluate(mapping.expression, input, mapping.target);
  return value === undefined || value === null ? mapping.default : value;
}

async function evaluate(expression: string, input: unknown, target: string): Promise<unknown> {
  let result: unknown;
  try {
    result = await jsonata(expression).evaluate(input);
  } catch (error) {
    // jsonata throws plain objects ({ code, message, position }), not Errors.
    const reason = typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
    throw new MappingError(`Expression for "${target}" failed: ${reason}`, { target, cause: error });
  }
  // JSONata marks result lists with extra properties (sequence, keepSingleton);
  // a JSON round trip leaves plain data that stores and compares cleanly.
  // A function result serializes to undefined and is treated as no value.
  const json = result === undefined ? undefined : JSON.stringify(result);
  return json === undefined ? undefined : (JSON.parse(json) as unknown);
}
