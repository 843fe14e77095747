export type RunsLinkQuery = Record<string, string | number | boolean | Date | readonly string[] | undefined>;

/** Builds /runs links from a filter (and cursor); empty values are left out so URLs stay canonical. */
export function runsHref(query: RunsLinkQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === "" || value === false) continue;
    if (Array.isArray(value)) value.forEach((item: string) => params.append(key, item));
    else params.set(key, value instanceof Date ? value.toISOString() : String(value));
  }
  const search = params.toString();
  return search ? `/runs?${search}` : "/runs";
}
