import { z } from "zod";

// Stored failures are StepFailure JSON ({ class, code, message, … }; a run's
// error adds nodeId). Parsed loosely because old rows outlive schema changes
// and a details page must still render them.
const failureViewSchema = z.object({
  message: z.string(),
  code: z.string().optional(),
  class: z.string().optional(),
  nodeId: z.string().optional(),
});

export type FailureView = z.infer<typeof failureViewSchema>;

export function describeFailure(value: unknown): FailureView | null {
  if (value === null || value === undefined) return null;
  const parsed = failureViewSchema.safeParse(value);
  return parsed.success ? parsed.data : { message: JSON.stringify(value) };
}
