import { RUN_STATUSES } from "@/lib/runs/schema";
import { runsHref } from "@/components/runs/runs-href";
import { FilterLinks } from "@/components/ui/filter-links";

export function RunStatusFilter({ flowId, current }: { flowId?: string; current?: string }) {
  return <FilterLinks label="Filter by status" values={RUN_STATUSES} current={current} hrefFor={(status) => runsHref({ flowId, status })} />;
}
