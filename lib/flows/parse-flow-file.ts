import { AppError } from "@/lib/errors";
import { REQUIRED, requiredErrorMap } from "@/lib/flows/describe-schema-issues";
import { parseDraft } from "@/lib/flows/parse-draft";
import { flowFileSchema, type FlowFile } from "@/lib/flows/requests";

export type FileProblem = { path: string; message: string };

/**
 * Reads a flow file, or refuses it (422) with every problem at once, each
 * with its path inside the file ("nodes.3.kind: Unknown node kind…";
 * definition paths without the "definition." prefix, as the editor names them).
 */
export function parseFlowFile(raw: unknown): FlowFile {
  const parsed = flowFileSchema.safeParse(raw, { error: requiredErrorMap });
  if (!parsed.success) {
    const problems: FileProblem[] = parsed.error.issues.map((issue) => {
      const [first, ...rest] = issue.path.map(String);
      const path = (first === "definition" && rest.length > 0 ? rest : [first ?? "", ...rest]).join(".");
      return { path, message: issue.message === REQUIRED ? "is required" : issue.message };
    });
    const summary = problems.slice(0, 5).map((problem) => (problem.path === "" ? problem.message : `${problem.path}: ${problem.message}`));
    const more = problems.length > 5 ? `; and ${problems.length - 5} more` : "";
    throw new AppError("validation_failed", `The file is not a valid flow: ${summary.join("; ")}${more}`, { details: { problems } });
  }
  // Also the draft's size cap (413), as for a save.
  return { ...parsed.data, definition: parseDraft(parsed.data.definition) };
}
