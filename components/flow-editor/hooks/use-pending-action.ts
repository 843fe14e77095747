"use client";

import { useCallback, useState } from "react";

/**
 * Runs a panel's request with a pending flag and keeps its failure as a
 * readable message for the panel to show, instead of each panel repeating
 * the same try/catch/finally.
 */
export function usePendingAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<void>, fallbackMessage: string) => {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : fallbackMessage);
    } finally {
      setPending(false);
    }
  }, []);
  return { pending, error, run };
}
