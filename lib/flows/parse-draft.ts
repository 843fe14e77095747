import { AppError } from "@/lib/errors";
import { draftDefinitionSchema, MAX_DRAFT_BYTES, type DraftDefinition } from "@/lib/flows/schema";

/**
 * A draft must be sound in structure (so the editor can always load it) but
 * may be unfinished: node configs are not checked here, so an autosave of a
 * node with an empty URL keeps the work. Publishing validates fully
 * (validateGraph). Throws a ZodError (422) naming each structural problem,
 * or 413 for a draft too big to edit.
 */
export function parseDraft(definition: unknown): DraftDefinition {
  const json = JSON.stringify(definition) ?? "null";
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_DRAFT_BYTES) {
    throw new AppError("payload_too_large", `The flow is too large to save (${Math.ceil(bytes / 1024)} KiB; at most ${MAX_DRAFT_BYTES / 1024 / 1024} MiB)`);
  }
  // Parsed as it will be stored: fields set to undefined (by lib callers) are dropped as JSON drops them.
  return draftDefinitionSchema.parse(JSON.parse(json));
}
