"use client";

import { useState } from "react";

/** Monospace value with a copy button; the text stays selectable when the clipboard API is unavailable (plain http). */
export function CopyableText({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  }
  return (
    <span className="inline-flex max-w-full items-center gap-2">
      <code className="truncate rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800 select-all">{value}</code>
      <button
        type="button"
        onClick={() => void copy().catch(() => setCopied(false))}
        onBlur={() => setCopied(false)}
        className="shrink-0 text-xs text-slate-500 hover:text-slate-900"
        aria-label={`${label}: ${value}`}
      >
        {copied ? "Copied" : label}
      </button>
    </span>
  );
}
