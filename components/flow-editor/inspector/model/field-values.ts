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

/**
 * An emptied input means "not set": an optional field is removed and a
 * defaulted one goes back to its default. Only a required field stores "",
 * so the schema can say it is required.
 */
export function storedText(field: FieldDescriptor, value: unknown): unknown {
  return value === "" && (field.optional || field.defaultValue !== undefined) ? undefined : value;
}

/**
 * Optional containers (a nested object, a list, key/value pairs) get an
 * Add/Remove toggle, because "absent" and "empty" differ for them. An
 * optional scalar is simply its input left empty, so clearing it never
 * makes the input vanish under the cursor.
 */
export function needsToggle(field: FieldDescriptor): boolean {
  return field.optional && (field.control.type === "object" || field.control.type === "list" || field.control.type === "record");
}

/** Inputs show their default as a placeholder; an optional select offers "Not set" as its empty choice. */
export function placeholderOf(field: FieldDescriptor): string | undefined {
  if (field.defaultValue !== undefined) return field.control.type === "text" || field.control.type === "number" ? `Default: ${String(field.defaultValue)}` : undefined;
  return field.optional ? "Not set" : undefined;
}
