const MAX_LENGTH = 160;

/** `name=Orders · version=3 · environment=sandbox`: one line for the table; the full JSON goes in a tooltip. */
export function compactDetails(details: unknown): string {
  if (details === null || details === undefined) return "";
  const text =
    typeof details === "object" && !Array.isArray(details)
      ? Object.entries(details)
          .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
          .join(" · ")
      : JSON.stringify(details);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
