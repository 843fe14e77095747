import jsonata from "jsonata";
import type { DedupConfig } from "@/lib/flows/schema";
import { toDedupKey } from "@/lib/dedup/to-dedup-key";
import { getPath } from "@/lib/mapping/get-path";

/** The key expression failed on this input (bad data or a runtime error in the expression). */
export class DedupKeyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DedupKeyError";
  }
}

export type DedupKeyConfig = Pick<DedupConfig, "key" | "keyFields">;

/**
 * The dedup key a node computes for an input (R13): the key expression's
 * result, or the key fields' values (one field as itself, several as the
 * JSON list of their values, like the expression `[a, b]` would give).
 * Null when there is no value to deduplicate by, including when any key
 * field is missing. Pure and free of server-only imports: the executor and
 * the editor's preview share it, so the preview shows the key the run uses.
 */
export async function computeDedupKey(config: DedupKeyConfig, input: unknown): Promise<string | null> {
  if (config.keyFields !== undefined) {
    const values = config.keyFields.map((field) => getPath(input, field));
    if (values.some((value) => toDedupKey(value) === null)) return null;
    return toDedupKey(values.length === 1 ? values[0] : values);
  }
  if (config.key === undefined) return null;
  try {
    return toDedupKey(await jsonata(config.key).evaluate(input));
  } catch (error) {
    // jsonata throws plain objects carrying a message.
    const message = (error as { message?: string }).message ?? "expression failed";
    throw new DedupKeyError(`Dedup key failed: ${message}`, { cause: error });
  }
}
