import { listRunsQuerySchema, type ListRunsQuery } from "@/lib/runs/schema";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Reads ?flowId=&status=&page= leniently: a hand-edited or stale URL drops
 * only the bad parameter and falls back to its default, instead of failing
 * the whole page.
 */
export function parseRunsQuery(searchParams: SearchParams): ListRunsQuery {
  const raw: Record<string, string> = {};
  for (const key of ["flowId", "status", "page", "pageSize"] as const) {
    const value = searchParams[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") raw[key] = first;
  }
  const result = listRunsQuerySchema.safeParse(raw);
  if (result.success) return result.data;
  const bad = new Set(result.error.issues.map((issue) => issue.path[0]));
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key)));
  return listRunsQuerySchema.safeParse(kept).data ?? listRunsQuerySchema.parse({});
}
