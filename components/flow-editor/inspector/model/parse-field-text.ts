import { checkExpressionSyntax } from "@/lib/flows/check-expression-syntax";

/** What a raw text field holds: a value to store (undefined = clear the field), or why it cannot be stored yet. */
export type ParsedText = { ok: true; value: unknown } | { ok: false; error: string };

/** "" clears the field; anything else must be a finite number (an integer where the schema wants one). */
export function parseNumberText(text: string, integer: boolean): ParsedText {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: undefined };
  const number = Number(trimmed);
  if (!Number.isFinite(number)) return { ok: false, error: "Enter a number" };
  if (integer && !Number.isInteger(number)) return { ok: false, error: "Enter a whole number" };
  return { ok: true, value: number };
}

/** "" clears the field; otherwise the text must be JSON, and the parser's message says where it is not. */
export function parseJsonText(text: string): ParsedText {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function formatNumberValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function formatJsonValue(value: unknown): string {
  return value === undefined ? "" : JSON.stringify(value, null, 2);
}

/** The JSONata syntax error of an expression, checked as the analyst types (the same check validateGraph makes on publish). */
export function expressionError(expression: string): string | undefined {
  return expression.trim() === "" ? undefined : checkExpressionSyntax(expression);
}
