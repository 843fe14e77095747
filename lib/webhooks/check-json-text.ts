import { AppError } from "@/lib/errors";

/** Far deeper than any real webhook; a 100k-deep body would otherwise be stored and break every run that walks it. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NUMBER_CHARS = new Set("-+.eE0123456789");

/** Where an integer literal sits in the text: [start, end). */
export type TextSpan = readonly [start: number, end: number];

/**
 * Refuses (400) JSON text that parses but cannot be processed: nesting past
 * `maxDepth`, `\u0000` and unpaired surrogate escapes (PostgreSQL jsonb and
 * text refuse both, and two different lone surrogates decode to the same key),
 * and numbers that overflow to ±Infinity (every such event id would read as
 * "Infinity" and dedup into one). Returns the integers beyond 2^53, which
 * JSON.parse would silently round (two 64-bit event ids could become one).
 * One linear pass without recursion; syntax errors are left to JSON.parse.
 */
export function checkJsonText(text: string, maxDepth = MAX_JSON_DEPTH): TextSpan[] {
  const unsafeIntegers: TextSpan[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') i = skipString(text, i);
    else if (char === "{" || char === "[") {
      depth += 1;
      if (depth > maxDepth) throw refuse(`Webhook JSON is nested deeper than ${maxDepth} levels`);
    } else if (char === "}" || char === "]") depth -= 1;
    else if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) i = skipNumber(text, i, unsafeIntegers);
  }
  return unsafeIntegers;
}

/** Returns the index of the closing quote (or the end, for an unterminated string). */
function skipString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) return i;
    if (code !== BACKSLASH) continue;
    if (text[i + 1] !== "u") {
      i += 1;
      continue;
    }
    const unit = hexAt(text, i + 2);
    if (unit === 0) throw refuse("Webhook JSON contains a NUL character (\\u0000)");
    if (unit >= 0xdc00 && unit <= 0xdfff) throw refuse("Webhook JSON contains an unpaired surrogate escape");
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const low = text[i + 6] === "\\" && text[i + 7] === "u" ? hexAt(text, i + 8) : -1;
      if (low < 0xdc00 || low > 0xdfff) throw refuse("Webhook JSON contains an unpaired surrogate escape");
      i += 6;
    }
    i += 5;
  }
  return text.length;
}

function skipNumber(text: string, start: number, unsafeIntegers: TextSpan[]): number {
  let end = start;
  while (end < text.length && NUMBER_CHARS.has(text[end] ?? "")) end += 1;
  const token = text.slice(start, end);
  const value = Number(token);
  if (Math.abs(value) === Infinity) throw refuse(`Webhook JSON has a number too large to represent (${token.slice(0, 20)}…)`);
  if (/^-?\d+$/.test(token) && !Number.isSafeInteger(value)) unsafeIntegers.push([start, end]);
  return end - 1;
}

/** The UTF-16 unit of a 4-digit hex escape, or -1 when malformed (JSON.parse reports that). */
function hexAt(text: string, at: number): number {
  const digits = text.slice(at, at + 4);
  return /^[0-9a-fA-F]{4}$/.test(digits) ? Number.parseInt(digits, 16) : -1;
}

function refuse(message: string): AppError {
  return new AppError("bad_request", message);
}
