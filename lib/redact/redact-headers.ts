import { redactString } from "./redact-string";
import { isSecretName, MASK } from "./secret-names";

export type HeaderInput = Record<string, string | string[] | number | undefined> | Headers;

export type RedactHeadersOptions = { secrets?: readonly string[] };

/**
 * Lowercases names and masks credential headers (R20). Other values are
 * still scrubbed for known secrets, because custom headers like
 * `X-Debug: token=…` are exactly where credentials leak unnoticed.
 */
export function redactHeaders(headers: HeaderInput, options: RedactHeadersOptions = {}): Record<string, string> {
  const entries: Array<[string, string | string[] | number | undefined]> =
    headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  const result: Record<string, string> = {};
  for (const [rawName, rawValue] of entries) {
    if (rawValue === undefined) continue;
    const name = rawName.toLowerCase();
    const value = Array.isArray(rawValue) ? rawValue.join(", ") : String(rawValue);
    const masked = isSecretName(name) ? MASK : redactString(value, options);
    // Repeated names (mixed case in a plain object) are joined, as HTTP does.
    result[name] = result[name] === undefined ? masked : `${result[name]}, ${masked}`;
  }
  return result;
}
