import type { z } from "zod";
import type { GraphProblem } from "@/lib/flows/validate-graph";

/** Passed to safeParse so a missing field reads "… is required" instead of "expected string, received undefined". */
export const REQUIRED = "is required";
export const requiredErrorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === "invalid_type" && issue.input === undefined ? REQUIRED : undefined;

/**
 * Turns zod issues into problems the editor can pin on a node or edge:
 * "nodes.2.config.url" becomes nodeId of node 2 and path "config.url".
 */
export function describeSchemaIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): GraphProblem[] {
  return issues.map((issue) => {
    const [collection, index, ...rest] = issue.path;
    const path = rest.map(String).join(".");
    const detail = (field: string) => {
      if (issue.code === "invalid_type" && issue.message === REQUIRED) return `${field || "Value"} is required`;
      return field === "" ? issue.message : `${field}: ${issue.message}`;
    };
    if ((collection === "nodes" || collection === "edges") && typeof index === "number") {
      const id = idAt(raw, collection, index);
      const owner = collection === "nodes" ? "Node" : "Edge";
      const name = id === undefined ? `${owner} #${index + 1}` : `${owner} "${id}"`;
      const problem: GraphProblem = { message: `${name}: ${detail(path)}` };
      if (id !== undefined && collection === "nodes") problem.nodeId = id;
      if (id !== undefined && collection === "edges") problem.edgeId = id;
      // Without an id the path must say which item it is about.
      if (id === undefined) problem.path = issue.path.map(String).join(".");
      else if (path !== "") problem.path = path;
      return problem;
    }
    const fullPath = issue.path.map(String).join(".");
    return { ...(fullPath === "" ? {} : { path: fullPath }), message: detail(fullPath) };
  });
}

// The id as the caller sent it, if it is usable, so a problem in an invalid node still lands on that node.
function idAt(raw: unknown, collection: "nodes" | "edges", index: number): string | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const list: unknown = (raw as Record<string, unknown>)[collection];
  if (!Array.isArray(list)) return undefined;
  const item: unknown = list[index];
  if (typeof item !== "object" || item === null) return undefined;
  const id: unknown = (item as Record<string, unknown>).id;
  return typeof id === "string" && id !== "" ? id : undefined;
}
