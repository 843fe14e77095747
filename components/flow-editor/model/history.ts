import type { DraftGraph } from "@/components/flow-editor/model/types";

/** Undo/redo stacks of whole graphs; graphs are immutable, so a snapshot is just a reference. */
export type History = { past: DraftGraph[]; future: DraftGraph[]; lastKey?: string; lastAt?: number };

export const EMPTY_HISTORY: History = { past: [], future: [] };

const LIMIT = 200;
/** Typing into one field within this long after the last keystroke is one undo step, not one per letter. */
export const COALESCE_MS = 1000;

export type RecordOptions = { now: number; coalesceKey?: string };

/** Remembers `before` as the state to return to; a new change forgets what could be redone. */
export function recordChange(history: History, before: DraftGraph, { now, coalesceKey }: RecordOptions): History {
  const coalesces = coalesceKey !== undefined && coalesceKey === history.lastKey && history.lastAt !== undefined && now - history.lastAt < COALESCE_MS;
  if (coalesces) return { ...history, future: [], lastAt: now };
  return { past: [...history.past, before].slice(-LIMIT), future: [], lastKey: coalesceKey, lastAt: now };
}

export type Step = { history: History; graph: DraftGraph };

export function undo(history: History, current: DraftGraph): Step | null {
  const previous = history.past.at(-1);
  if (!previous) return null;
  return { graph: previous, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } };
}

export function redo(history: History, current: DraftGraph): Step | null {
  const next = history.future[0];
  if (!next) return null;
  return { graph: next, history: { past: [...history.past, current], future: history.future.slice(1) } };
}
