"use client";

import { useEffect, useState, type DependencyList } from "react";

export type DebouncedResult<T> = { ok: true; value: T } | { ok: false; error: string };

// Long enough that typing a path or an expression does not evaluate every keystroke's half-written text.
const DELAY_MS = 300;

/**
 * Runs an async preview (mapping output, dedup key) a moment after the last
 * change of `deps`; a slower, older evaluation never overwrites a newer one.
 * Undefined until the first result arrives.
 */
export function useDebouncedResult<T>(compute: () => Promise<T>, deps: DependencyList): DebouncedResult<T> | undefined {
  const [result, setResult] = useState<DebouncedResult<T> | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      compute().then(
        (value) => current && setResult({ ok: true, value }),
        (error: unknown) => current && setResult({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    }, DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // The caller names what the computation depends on, like useMemo.
  }, deps);
  return result;
}
