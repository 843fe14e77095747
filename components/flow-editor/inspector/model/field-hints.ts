/** How a string field is edited: plain text, a JSONata expression, or a {{path}} template. */
export type TextFormat = "plain" | "expression" | "template";

type FieldHint = { label?: string; help?: string; format?: TextFormat };

/**
 * Short help for the fields analysts get wrong most often, keyed by config
 * key (the same key means the same thing in every kind). Anything not here
 * is labelled from its key alone.
 */
export const FIELD_HINTS: Readonly<Record<string, FieldHint>> = {
  url: { format: "template", help: "{{path}} inserts a value from the step's input, e.g. https://crm.example.com/leads/{{order.id}}." },
  condition: { format: "expression", help: "JSONata, true or false for the input, e.g. order.total > 100." },
  key: { format: "expression", help: "JSONata whose result identifies a duplicate, e.g. order.id." },
  expression: { format: "expression" },
  eventIdExpression: { format: "expression", help: "JSONata over the body for senders without event ids; its result is the intake dedup key." },
  template: { format: "template", help: "{{value}} is the field's current value." },
  idempotencyKey: { format: "template" },
  cron: { help: "Five fields: minute hour day-of-month month day-of-week, e.g. */5 * * * *." },
  timezone: { help: "IANA name such as UTC or Asia/Almaty." },
  itemsPath: { help: "Where the list of records is in the response; each becomes one event." },
  idPath: { help: "The record's own id inside each item; used to skip records already seen." },
  foundPath: { help: "Where the record is in the response; missing or an empty list means not found." },
  credentialRef: { help: "Secrets stay in the vault; the flow only names the credential." },
  timeoutMs: { help: "Milliseconds before the call is abandoned (and classified as ambiguous if the request was sent)." },
  businessKeyPath: { help: "The entity the event is about, e.g. order.id; part of every idempotency key." },
  entityVersionPath: { help: "A version or updated-at in the body, so an older event never overwrites newer data." },
  samplePayload: { help: "Sent as the event when the flow is started by hand." },
  inputFormat: { help: "E.g. DD.MM.YYYY HH:mm (tokens YYYY MM DD HH mm ss). Empty reads ISO 8601 and common formats." },
  outputFormat: { help: "\"iso\" for ISO 8601 in UTC, or e.g. YYYY-MM-DD." },
  defaultCountryCode: { help: "Calling code without +, used when a number comes without one, e.g. 7." },
  obeyRetryAfter: { label: "Obey Retry-After", help: "Wait as long as a 429/503 answer asks instead of the backoff; the wait does not use an attempt." },
  notFoundStatuses: { help: "HTTP statuses that mean \"no such record\" rather than a failure." },
  successStatuses: { help: "Statuses that count as success; empty means any 2xx." },
};

const ACRONYMS: Readonly<Record<string, string>> = { url: "URL", id: "ID", ms: "(ms)", http: "HTTP", json: "JSON", ref: "" };

/** "idempotencyKeyPath" → "Idempotency key path"; "timeoutMs" → "Timeout (ms)". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .map((word) => ACRONYMS[word.toLowerCase()] ?? word.toLowerCase())
    .filter((word) => word !== "");
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
