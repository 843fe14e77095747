import Link from "next/link";

type FilterLinksProps = { label: string; values: readonly string[]; current?: string; hrefFor: (value?: string) => string };

/** Plain links rather than a select: works without JavaScript and every filter is a shareable URL. "all" clears it. */
export function FilterLinks({ label, values, current, hrefFor }: FilterLinksProps) {
  const options: Array<{ text: string; value?: string }> = [{ text: "all" }, ...values.map((value) => ({ text: value, value }))];
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1">
      {options.map(({ text, value }) => {
        const active = value === current;
        return (
          <Link
            key={text}
            href={hrefFor(value)}
            aria-current={active ? "page" : undefined}
            className={`rounded-full border px-2.5 py-0.5 text-xs ${active ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
          >
            {text}
          </Link>
        );
      })}
    </nav>
  );
}
