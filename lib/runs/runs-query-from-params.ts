const RUN_LIST_KEYS = ["status"];

/**
 * URL parameters as the runs (and bulk replays) schemas read them: empty
 * values dropped (a submitted filter form sends every field), repeated list
 * keys joined with commas so `?status=a&status=b` and `?status=a,b` mean the same.
 */
export function runsQueryFromParams(params: URLSearchParams, listKeys: readonly string[] = RUN_LIST_KEYS): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((value) => value.trim() !== "");
    if (values.length === 0) continue;
    raw[key] = listKeys.includes(key) ? values.join(",") : values[0]!;
  }
  return raw;
}
