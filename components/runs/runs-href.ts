export type RunsFilter = { flowId?: string; status?: string; page?: number };

/** Builds /runs links that keep the other filters; page 1 is left out so URLs stay canonical. */
export function runsHref({ flowId, status, page }: RunsFilter): string {
  const query = new URLSearchParams();
  if (flowId) query.set("flowId", flowId);
  if (status) query.set("status", status);
  if (page && page > 1) query.set("page", String(page));
  const search = query.toString();
  return search ? `/runs?${search}` : "/runs";
}
