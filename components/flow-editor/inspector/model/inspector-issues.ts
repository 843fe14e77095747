import type { z } from "zod";

/** What validateGraph reports about one node (lib/flows/validate-graph.ts GraphProblem, restated so this stays pure). */
export type NodeProblem = { nodeId?: string; edgeId?: string; path?: string; message: string };

/** Messages by path ("config.url"); "" holds those that belong to the node as a whole. */
export type IssueIndex = ReadonlyMap<string, readonly string[]>;

const REQUIRED_TYPE = /^Invalid input: expected \w+, received undefined$/;

/**
 * Joins the inline check of the config (the kind's zod schema) with the
 * problems validateGraph found. A graph problem on a path the schema already
 * flags is the same complaint in other words, so only problems the schema
 * cannot see (JSONata syntax, graph rules) are added.
 */
export function indexIssues(schema: z.ZodType, config: unknown, problems: readonly NodeProblem[]): IssueIndex {
  const index = new Map<string, string[]>();
  const add = (path: string, message: string) => {
    const list = index.get(path) ?? [];
    if (!list.includes(message)) index.set(path, [...list, message]);
  };
  const parsed = schema.safeParse(config);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = ["config", ...issue.path.map(String)].join(".");
      add(path, REQUIRED_TYPE.test(issue.message) ? "Required" : issue.message);
    }
  }
  const fromSchema = new Set(index.keys());
  for (const problem of problems) {
    const path = problem.path ?? "";
    if (!fromSchema.has(path)) add(path, problem.message);
  }
  return index;
}

/** Issues at `path` and below it, for a collapsed section that must still show that something inside is wrong. */
export function countIssuesUnder(index: IssueIndex, path: string): number {
  let count = 0;
  for (const [key, messages] of index) if (key === path || key.startsWith(`${path}.`)) count += messages.length;
  return count;
}
