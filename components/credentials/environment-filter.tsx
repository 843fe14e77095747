import Link from "next/link";

/** Plain links, like the runs filter: works without JavaScript and every filter is a shareable URL. */
export function EnvironmentFilter({ environments, current }: { environments: readonly string[]; current?: string }) {
  const options: Array<{ label: string; environment?: string }> = [{ label: "all" }, ...environments.map((environment) => ({ label: environment, environment }))];
  return (
    <nav aria-label="Filter by environment" className="flex flex-wrap gap-1">
      {options.map(({ label, environment }) => {
        const active = environment === current;
        return (
          <Link
            key={label}
            href={environment ? `/credentials?environment=${environment}` : "/credentials"}
            aria-current={active ? "page" : undefined}
            className={`rounded-full border px-2.5 py-0.5 text-xs ${active ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
