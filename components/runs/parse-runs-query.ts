import { listRunsQuerySchema, type ListRunsQuery } from "@/lib/runs/schema";
import { runsQueryFromParams } from "@/lib/runs/runs-query-from-params";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Reads the runs page's URL leniently: a hand-edited or stale URL drops
 * only the bad parameter and falls back to its default, instead of failing
 * the whole page.
 */
export function parseRunsQuery(searchParams: SearchParams): ListRunsQuery {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) for (const item of [value ?? []].flat()) params.append(key, item);
  const raw = runsQueryFromParams(params);
  const result = listRunsQuerySchema.safeParse(raw);
  if (result.success) return result.data;
  const bad = new Set(result.error.issues.map((issue) => issue.path[0]));
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key)));
  return listRunsQuerySchema.safeParse(kept).data ?? listRunsQuerySchema.parse({});
}
