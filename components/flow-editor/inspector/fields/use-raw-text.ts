"use client";

import { useState } from "react";
import type { ParsedText } from "@/components/flow-editor/inspector/model/parse-field-text";

type RawText = { raw: string; error: string | undefined; change: (text: string) => void };

/**
 * Keeps what the analyst typed even while it is not a valid value (half a
 * number, unbalanced JSON), commits only parseable text, and takes the
 * stored value again when it changes from outside (undo, another field).
 * Without it a controlled input would snap back and eat the keystroke.
 */
export function useRawText(value: unknown, format: (value: unknown) => string, parse: (text: string) => ParsedText, commit: (value: unknown) => void): RawText {
  const [raw, setRaw] = useState(() => format(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    // Adjusting state during render (React's documented pattern) avoids an effect and a flash of the old text.
    setSeen(value);
    const parsed = parse(raw);
    if (!parsed.ok || JSON.stringify(parsed.value) !== JSON.stringify(value)) setRaw(format(value));
  }
  const parsed = parse(raw);
  return {
    raw,
    error: parsed.ok ? undefined : parsed.error,
    change: (text) => {
      setRaw(text);
      const next = parse(text);
      if (next.ok) commit(next.value);
    },
  };
}
