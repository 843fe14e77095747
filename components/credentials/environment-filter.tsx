import { FilterLinks } from "@/components/ui/filter-links";

export function EnvironmentFilter({ environments, current }: { environments: readonly string[]; current?: string }) {
  return (
    <FilterLinks
      label="Filter by environment"
      values={environments}
      current={current}
      hrefFor={(environment) => (environment ? `/credentials?environment=${environment}` : "/credentials")}
    />
  );
}
