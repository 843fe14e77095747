import { maskDefinition } from "@/lib/flows/mask-definition";
import { redactValue } from "@/lib/redact/redact-value";

/**
 * A flow or version as readers see it: header values and secret-named fields
 * inside its definitions masked (R20). Secrets belong in credentials, but an
 * analyst may still paste a token into a step's headers, and flows.read
 * reaches viewers and their API tokens.
 */
export function maskDefinitions<T extends { draft?: unknown; definition?: unknown; editorSample?: unknown }>(record: T): T {
  return {
    ...record,
    // A sample is often a real event pasted in, with whatever tokens it carried.
    ...("editorSample" in record ? { editorSample: redactValue(record.editorSample) } : {}),
    ...("draft" in record ? { draft: maskDefinition(record.draft) } : {}),
    ...("definition" in record ? { definition: maskDefinition(record.definition) } : {}),
  };
}
