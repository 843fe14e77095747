"use client";

import { useState } from "react";
import { INLINE_INPUT_CLASSES } from "@/components/flow-editor/inspector/fields/input-classes";
import { FieldRow } from "@/components/flow-editor/inspector/fields/field-row";
import { NumberControl } from "@/components/flow-editor/inspector/fields/number-control";
import { splitWindow, toWindowSeconds, WINDOW_UNITS, type WindowUnit } from "@/components/flow-editor/inspector/model/window-units";

const DEFAULT_WINDOW_SECONDS = 86_400;

/**
 * The dedup window as amount + unit (35 days), stored as windowSeconds. The
 * unit is the analyst's choice and stays put while typing: re-deriving it
 * would turn "24 hours" into "1 days" under the cursor.
 */
export function DedupWindowField({ seconds, onChange }: { seconds: unknown; onChange: (seconds: number | undefined) => void }) {
  const stored = typeof seconds === "number" ? seconds : undefined;
  const [unit, setUnit] = useState<WindowUnit>(() => splitWindow(stored ?? DEFAULT_WINDOW_SECONDS).unit);
  const amount = stored === undefined ? undefined : stored / WINDOW_UNITS[unit];
  return (
    <FieldRow id="dedup-window-amount" label="Window" path="config.windowSeconds" help="How long a key is remembered. Providers redeliver for days; 35 days covers the longest we know of.">
      <div className="flex gap-2">
        <div className="flex-1">
          <NumberControl
            id="dedup-window-amount"
            testId="dedup-window-amount"
            path={["windowSeconds"]}
            control={{ type: "number", integer: false }}
            value={amount}
            placeholder={`Default: ${DEFAULT_WINDOW_SECONDS / WINDOW_UNITS[unit]}`}
            onChange={(next) => onChange(typeof next === "number" ? toWindowSeconds(next, unit) : undefined)}
          />
        </div>
        <select
          aria-label="Window unit"
          data-testid="dedup-window-unit"
          className={`${INLINE_INPUT_CLASSES} w-28 shrink-0`}
          value={unit}
          onChange={(event) => {
            const next = event.target.value as WindowUnit;
            setUnit(next);
            if (amount !== undefined) onChange(toWindowSeconds(amount, next));
          }}
        >
          {Object.keys(WINDOW_UNITS).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
    </FieldRow>
  );
}
