"use client";

import { retryPolicySchema } from "@/lib/flows/schema";
import { describeRetrySchedule } from "@/lib/runs/describe-retry-schedule";
import { formatDuration } from "@/components/ui/format-duration";

/**
 * What the policy means in time: for each retry the range its wait is drawn
 * from (full jitter, R9) and the longest total wait before it. Computed by
 * the executor's own backoff, so the table cannot drift from the worker.
 */
export function RetryScheduleTable({ retry }: { retry: unknown }) {
  const parsed = retryPolicySchema.safeParse(retry ?? {});
  if (!parsed.success) {
    return <p className="text-xs text-slate-500">Fix the retry policy above to see its schedule.</p>;
  }
  const rows = describeRetrySchedule(parsed.data);
  if (rows.length === 0) {
    return <p data-testid="retry-schedule-table" className="text-xs text-slate-500">One attempt only: a failure is final.</p>;
  }
  const last = rows.at(-1);
  const cutShort = rows.length < parsed.data.maxAttempts - 1;
  return (
    <div className="space-y-1">
      <table data-testid="retry-schedule-table" className="w-full text-left text-xs">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 font-medium">Attempt</th>
            <th className="py-1 font-medium">Waits before it</th>
            <th className="py-1 font-medium">Total wait up to</th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {rows.map((row) => (
            <tr key={row.attempt} data-testid={`retry-schedule-row-${row.attempt}`} className="border-t border-slate-100">
              <td className="py-1">{row.attempt}</td>
              <td className="py-1">
                {formatDuration(row.minDelayMs)} – {formatDuration(row.maxDelayMs)}
              </td>
              <td className="py-1">{formatDuration(row.cumulativeMaxMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">
        Each wait is random within its range so that runs failing together do not retry together. After attempt {last?.attempt ?? 1} the run fails
        {cutShort ? " (the max elapsed time ends it before max attempts)" : ""}. Call durations come on top; a Retry-After answer replaces the wait.
      </p>
    </div>
  );
}
