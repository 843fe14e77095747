import { auditFilterSchema, type AuditFilter } from "@/lib/audit/schema";

type SearchParams = Record<string, string | string[] | undefined>;

const KEYS = ["action", "actor", "outcome", "from", "to", "before", "limit"] as const;

/**
 * Reads the audit page's query leniently: a hand-edited or stale URL drops
 * only the bad parameter instead of failing the page. `params` keeps the
 * accepted values as typed, so links (older page, CSV) repeat them verbatim.
 */
export function parseAuditQuery(searchParams: SearchParams): { filter: AuditFilter; params: Record<string, string> } {
  const raw: Record<string, string> = {};
  for (const key of KEYS) {
    const value = searchParams[key];
    const first = (Array.isArray(value) ? value[0] : value)?.trim();
    if (first) raw[key] = first;
  }
  const result = auditFilterSchema.safeParse(raw);
  if (result.success) return { filter: result.data, params: raw };
  const bad = new Set(result.error.issues.map((issue) => issue.path[0]));
  const params = Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key)));
  return { filter: auditFilterSchema.parse(params), params };
}
