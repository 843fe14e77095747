/** The page itself, keeping the filters; `before` moves to an older page, omitted for the newest. */
export function auditPageHref(params: Record<string, string>, before?: string): string {
  const query = withoutKeys(params, ["before"]);
  if (before) query.set("before", before);
  const search = query.toString();
  return search ? `/audit?${search}` : "/audit";
}

/** The CSV of the same filters, from the newest entry (not the page being viewed) up to the export cap. */
export function auditCsvHref(params: Record<string, string>): string {
  const query = withoutKeys(params, ["before", "limit"]);
  query.set("format", "csv");
  return `/api/v1/audit?${query.toString()}`;
}

function withoutKeys(params: Record<string, string>, keys: string[]): URLSearchParams {
  return new URLSearchParams(Object.entries(params).filter(([key]) => !keys.includes(key)));
}
