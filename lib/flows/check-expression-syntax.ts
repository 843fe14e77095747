import jsonata from "jsonata";

/** The syntax error of a JSONata expression with its position, or undefined when it compiles; pure, so the editor shows it as the analyst types. */
export function checkExpressionSyntax(expression: string): string | undefined {
  try {
    jsonata(expression);
    return undefined;
  } catch (error) {
    // jsonata throws plain objects carrying message and position, not Errors.
    const { message, position } = (typeof error === "object" && error !== null ? error : {}) as { message?: unknown; position?: unknown };
    const text = typeof message === "string" ? message : String(error);
    return typeof position === "number" ? `${text} (at character ${position})` : text;
  }
}
