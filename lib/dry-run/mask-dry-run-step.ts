import type { DryRunStep } from "@/lib/dry-run/schema";
import { redactHeaders } from "@/lib/redact/redact-headers";
import { redactString } from "@/lib/redact/redact-string";
import { redactValue } from "@/lib/redact/redact-value";

/**
 * A step as the browser may see it (R20): data masked like run records
 * (secret-named fields, credential headers, secret-shaped text) and, by
 * value, every secret registered while the dry run resolved credentials.
 * Field by field rather than redactValue on the whole step, which would
 * also mask our own fields whose names look secret (dedup.key).
 */
export function maskDryRunStep(step: DryRunStep): DryRunStep {
  const { input, output, request, dedup, error, note } = step;
  return {
    ...step,
    ...("input" in step ? { input: redactValue(input) } : {}),
    ...("output" in step ? { output: redactValue(output) } : {}),
    ...(request ? { request: { ...request, url: redactString(request.url), headers: redactHeaders(request.headers), body: redactValue(request.body) } } : {}),
    ...(dedup ? { dedup: { ...dedup, key: dedup.key === null ? null : redactString(dedup.key) } } : {}),
    ...(error ? { error: { ...error, message: redactString(error.message) } } : {}),
    ...(note === undefined ? {} : { note: redactString(note) }),
  };
}
