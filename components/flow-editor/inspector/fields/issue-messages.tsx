"use client";

import { useInspector } from "@/components/flow-editor/inspector/inspector-context";

/** The problems pinned to one config path ("config.url"): the schema's and validateGraph's. */
export function IssueMessages({ path }: { path: string }) {
  const { issues } = useInspector();
  const messages = issues.get(path) ?? [];
  if (messages.length === 0) return null;
  return (
    <ul data-testid={`inspector-error-${path}`} role="alert" className="mt-1 space-y-0.5 text-xs text-red-700">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/** A problem only the input knows about (text that is not yet a number or JSON); nothing is saved until it is fixed. */
export function LocalError({ message, testId }: { message: string | undefined; testId: string }) {
  if (message === undefined) return null;
  return (
    <p data-testid={testId} role="alert" className="mt-1 text-xs text-amber-700">
      {message}
    </p>
  );
}
