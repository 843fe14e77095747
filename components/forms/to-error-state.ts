import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { ActionState } from "@/components/forms/action-state";

const problemsDetailSchema = z.object({
  problems: z.array(
    z.object({ message: z.string(), path: z.string().optional(), nodeId: z.string().optional(), edgeId: z.string().optional() }),
  ),
});

/**
 * Turns the errors a form can explain (AppError, ZodError) into state.
 * Anything else is rethrown on purpose: it is a bug or an outage, and
 * Next's error boundary logs it instead of the form hiding it.
 * redirect()/notFound() are rethrown the same way, so they keep working.
 */
export function toErrorState(error: unknown, values: Record<string, string>): ActionState<never> {
  if (error instanceof AppError) {
    const details = problemsDetailSchema.safeParse(error.details);
    return { status: "error", message: error.message, problems: details.success ? details.data.problems : [], values };
  }
  if (error instanceof z.ZodError) {
    const problems = error.issues.map((issue) => {
      const path = issue.path.map(String).join(".");
      return path === "" ? { message: issue.message } : { message: `${path}: ${issue.message}`, path };
    });
    return { status: "error", message: "Some fields need fixing", problems, values };
  }
  throw error;
}
