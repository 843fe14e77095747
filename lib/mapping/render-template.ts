import { getPath } from "@/lib/mapping/get-path";

export type RenderTemplateOptions = {
  /** Applied to each embedded value, e.g. encodeURIComponent for URLs. */
  encode?: (value: string) => string;
};

const WHOLE_PLACEHOLDER = /^\{\{\s*([^{}]+?)\s*\}\}$/;
const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

/**
 * Renders `{{ path }}` placeholders in every string leaf of a JSON value.
 * A string that is exactly one placeholder takes the referenced value as is
 * (so `"{{ amount }}"` stays a number); keys are never rendered.
 */
export function renderTemplate(template: unknown, context: unknown, options: RenderTemplateOptions = {}): unknown {
  if (typeof template === "string") {
    const whole = WHOLE_PLACEHOLDER.exec(template);
    if (whole?.[1] !== undefined) return getPath(context, whole[1]);
    return renderTemplateString(template, context, options);
  }
  if (Array.isArray(template)) return template.map((item) => renderTemplate(item, context, options));
  if (typeof template === "object" && template !== null) {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, renderTemplate(value, context, options)]));
  }
  return template;
}

/** Renders placeholders inside a string; a missing or null value becomes "". */
export function renderTemplateString(template: string, context: unknown, options: RenderTemplateOptions = {}): string {
  return template.replace(PLACEHOLDER, (_match, path: string) => {
    const text = stringify(getPath(context, path));
    return options.encode ? options.encode(text) : text;
  });
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
