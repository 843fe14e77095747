import type { Control, FieldDescriptor } from "@/components/flow-editor/inspector/model/describe-schema";

/** What an optional field starts as when the analyst adds it: the emptiest value its control can show. */
export function initialValue(control: Control): unknown {
  switch (control.type) {
    case "number":
      return control.min ?? 0;
    case "boolean":
      return false;
    case "enum":
      return control.options[0] ?? "";
    case "list":
      return [];
    case "record":
    case "object":
    case "json":
      return {};
    default:
      return "";
  }
}

/**
 * What the control displays. Text and numbers show their default as a
 * placeholder instead (so clearing the input returns to the default); every
 * other control shows the default itself, since a checkbox has no placeholder.
 */
export function shownValue(field: FieldDescriptor, value: unknown): unknown {
  if (value !== undefined || field.defaultValue === undefined) return value;
  return field.control.type === "text" || field.control.type === "number" ? undefined : field.defaultValue;
}

/** An emptied text field with a default goes back to the default rather than storing "". */
export function storedText(field: FieldDescriptor, value: unknown): unknown {
  return value === "" && field.defaultValue !== undefined ? undefined : value;
}
