/** Read-only pretty JSON; values come from JSON columns, so they always stringify. */
export function JsonBlock({ value }: { value: unknown }) {
  const text = value === undefined ? "—" : JSON.stringify(value, null, 2);
  return <pre className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">{text}</pre>;
}
