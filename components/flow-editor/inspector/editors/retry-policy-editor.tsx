"use client";

import { RETRYABLE_CLASSES, type RetryableClass } from "@/lib/flows/schema";
import { formatDuration } from "@/components/ui/format-duration";
import { RetryScheduleTable } from "@/components/flow-editor/inspector/editors/retry-schedule-table";
import { FieldRow } from "@/components/flow-editor/inspector/fields/field-row";
import { NumberControl } from "@/components/flow-editor/inspector/fields/number-control";
import { asRecord, writeAt } from "@/components/flow-editor/inspector/model/config-path";
import { fieldOfKind } from "@/components/flow-editor/inspector/model/fields-of-kind";

const NUMBERS = [
  { key: "maxAttempts", label: "Max attempts", testId: "retry-max-attempts", help: "The first call included." },
  { key: "baseDelayMs", label: "Base delay (ms)", testId: "retry-base-delay", help: "The first retry waits up to this; each next one up to twice the previous." },
  { key: "maxDelayMs", label: "Max delay (ms)", testId: "retry-max-delay", help: "No single wait is longer." },
  { key: "maxElapsedMs", label: "Max elapsed time (ms)", testId: "retry-max-elapsed", help: "No retry starts later than this after the first attempt." },
] as const;

const CLASS_HELP: Record<RetryableClass, string> = {
  temporary: "Temporary: connection refused, 408, 429, 502, 503, 504.",
  ambiguous: "Ambiguous: timeout or reset after the request was sent; retried with the same idempotency key.",
  auth: "Auth: 401/403. Usually better left off: the connector is paused and an alert raised instead of a retry storm.",
};

type RetryPolicyEditorProps = { retry: unknown; path: readonly string[]; onChange: (retry: unknown) => void };

/** The http-request's retry policy (R8, R9, R10) with the resulting delays underneath. */
export function RetryPolicyEditor({ retry, path, onChange }: RetryPolicyEditorProps) {
  const policy = asRecord(retry);
  const retryControl = fieldOfKind("http-request", "retry").control;
  const defaultOf = (key: string) => (retryControl.type === "object" ? retryControl.fields.find((field) => field.key === key)?.defaultValue : undefined);
  const retryOn: unknown[] = Array.isArray(policy.retryOn) ? policy.retryOn : ["temporary", "ambiguous"];
  const set = (key: string, value: unknown) => onChange(writeAt(policy, [key], value));
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-2 gap-3">
        {NUMBERS.map(({ key, label, testId, help }) => {
          const value = policy[key];
          const fallback = defaultOf(key);
          return (
            <FieldRow key={key} id={testId} label={label} path={["config", ...path, key].join(".")} help={`${help}${typeof value === "number" && key !== "maxAttempts" ? ` (${formatDuration(value)})` : ""}`}>
              <NumberControl
                id={testId}
                testId={testId}
                path={[...path, key]}
                control={{ type: "number", integer: true }}
                value={value}
                placeholder={fallback === undefined ? undefined : `Default: ${String(fallback)}`}
                onChange={(next) => set(key, next)}
              />
            </FieldRow>
          );
        })}
      </div>
      <FieldRow id="retry-on" label="Retry on" path={["config", ...path, "retryOn"].join(".")}>
        <div id="retry-on" role="group" className="space-y-1">
          {RETRYABLE_CLASSES.map((failureClass) => (
            <label key={failureClass} className="flex items-start gap-2 text-xs">
              <input
                type="checkbox"
                data-testid={`retry-on-${failureClass}`}
                className="mt-0.5"
                checked={retryOn.includes(failureClass)}
                onChange={(event) => set("retryOn", event.target.checked ? [...retryOn.filter((item) => item !== failureClass), failureClass] : retryOn.filter((item) => item !== failureClass))}
              />
              <span>{CLASS_HELP[failureClass]}</span>
            </label>
          ))}
          <p className="text-xs text-slate-500">Permanent failures (400, 404, 409, 422, mapping errors) are never retried: repeating them cannot succeed.</p>
        </div>
      </FieldRow>
      <label className="flex items-start gap-2 text-xs">
        <input type="checkbox" data-testid="retry-obey-retry-after" className="mt-0.5" checked={policy.obeyRetryAfter !== false} onChange={(event) => set("obeyRetryAfter", event.target.checked)} />
        <span>Obey Retry-After: wait as long as a 429/503 answer asks (for every call to this connector); that wait does not use an attempt.</span>
      </label>
      <RetryScheduleTable retry={retry} />
    </div>
  );
}
