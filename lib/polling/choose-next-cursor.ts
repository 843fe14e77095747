import { isDeepStrictEqual } from "node:util";
import type { SchedulePollConfig } from "@/lib/flows/schema";
import { getPath } from "@/lib/mapping/get-path";

export type ChooseNextCursorOptions = {
  poll: Pick<SchedulePollConfig, "cursorPath" | "cursorItemPath">;
  /** The parsed response of the page just fetched. */
  response: unknown;
  items: readonly unknown[];
  /** The cursor this page was fetched with. */
  current: unknown;
};

export type NextCursor = {
  /** Stored with the page's items: where the next page, or the next poll, starts. */
  cursor: unknown;
  /** Whether to fetch another page now. */
  more: boolean;
};

/**
 * Where polling continues after a page. With `cursorPath` the source names
 * the next page (a page token); with `cursorItemPath` the greatest value of
 * that item field is the next "updated since" (never going backwards);
 * with neither, each poll reads one page. Without a new cursor the current
 * one is kept, so the next poll re-reads the last page and only finds what
 * was added since (its old items are duplicates). Polling stops on an
 * empty page or a cursor that did not move, which would loop for ever.
 */
export function chooseNextCursor({ poll, response, items, current }: ChooseNextCursorOptions): NextCursor {
  const next = findNext(poll, response, items, current);
  if (next === undefined) return { cursor: current, more: false };
  return { cursor: next, more: items.length > 0 && !isDeepStrictEqual(next, current) };
}

function findNext({ cursorPath, cursorItemPath }: ChooseNextCursorOptions["poll"], response: unknown, items: readonly unknown[], current: unknown): unknown {
  if (cursorPath !== undefined) {
    const token = getPath(response, cursorPath);
    return isPresent(token) ? token : undefined;
  }
  if (cursorItemPath === undefined) return undefined;
  let greatest = isComparable(current) ? current : undefined;
  for (const item of items) {
    const value = getPath(item, cursorItemPath);
    if (isComparable(value) && (greatest === undefined || compareCursors(value, greatest) > 0)) greatest = value;
  }
  return greatest;
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

function isComparable(value: unknown): value is string | number {
  return (typeof value === "string" && value !== "") || (typeof value === "number" && Number.isFinite(value));
}

/**
 * Numbers (and numeric strings against numbers) by value, everything else
 * as text: ISO-8601 timestamps in one zone and format, which is what
 * updated-since APIs return, order correctly as text.
 */
function compareCursors(a: string | number, b: string | number): number {
  if (typeof a === "number" || typeof b === "number") {
    const [x, y] = [Number(a), Number(b)];
    if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  }
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
