const LIST_KEYS = new Set(["status"]);

/**
 * URL parameters as the runs filter schema reads them: empty values dropped
 * (a submitted filter form sends every field), repeated `status` joined with
 * commas so `?status=a&status=b` and `?status=a,b` mean the same.
 */
export function runsQueryFromParams(params: URLSearchParams): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((value) => value.trim() !== "");
    if (values.length === 0) continue;
    raw[key] = LIST_KEYS.has(key) ? values.join(",") : values[0]!;
  }
  return raw;
}
