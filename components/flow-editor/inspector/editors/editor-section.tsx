"use client";

import type { ReactNode } from "react";
import { useInspector } from "@/components/flow-editor/inspector/inspector-context";
import { countIssuesUnder } from "@/components/flow-editor/inspector/model/inspector-issues";

type EditorSectionProps = {
  title: string;
  /** Problem paths ("config.retry") counted in the heading, so a collapsed section still shows it needs attention. */
  paths?: readonly string[];
  collapsible?: boolean;
  defaultOpen?: boolean;
  testId?: string;
  children: ReactNode;
};

/** A titled group of fields; collapsible ones are native <details>, which keyboards and screen readers already handle. */
export function EditorSection({ title, paths = [], collapsible = false, defaultOpen = true, testId, children }: EditorSectionProps) {
  const { issues } = useInspector();
  const count = paths.reduce((sum, path) => sum + countIssuesUnder(issues, path), 0);
  const heading = (
    <span className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
      {title}
      {count === 0 ? null : <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-red-700 normal-case">{count === 1 ? "1 problem" : `${count} problems`}</span>}
    </span>
  );
  if (!collapsible) {
    return (
      <section data-testid={testId} className="space-y-3 border-t border-slate-200 pt-3">
        <h3>{heading}</h3>
        {children}
      </section>
    );
  }
  return (
    <details data-testid={testId} open={defaultOpen || count > 0} className="space-y-3 border-t border-slate-200 pt-3">
      <summary className="cursor-pointer">{heading}</summary>
      <div className="mt-3 space-y-3">{children}</div>
    </details>
  );
}
