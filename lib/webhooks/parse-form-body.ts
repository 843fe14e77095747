import { AppError } from "@/lib/errors";
import { decodeBodyText } from "@/lib/webhooks/decode-body-text";

// A form of this many fields is not a webhook; refusing it keeps parsing linear and small.
const MAX_FIELDS = 2_000;
const MAX_DEPTH = 8;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

type Tree = Record<string, unknown>;

/**
 * Parses application/x-www-form-urlencoded as the CRMs that send it mean it
 * (Bitrix24: `data[FIELDS][ID]=1&auth[domain]=…`): bracketed names become
 * nested objects, `name[]` appends to a list, values stay strings.
 * Prototype-polluting names, absurd forms, bytes that are not UTF-8 and
 * NUL characters are refused with 400.
 */
export function parseFormBody(raw: Buffer): Tree {
  const params = new URLSearchParams(decodeBodyText(raw));
  const root: Tree = {};
  let count = 0;
  for (const [name, value] of params) {
    count += 1;
    if (count > MAX_FIELDS) throw new AppError("bad_request", `Webhook form has more than ${MAX_FIELDS} fields`);
    // %00 decodes to NUL, which PostgreSQL cannot store: as an event id it fails the insert (503, retried forever).
    if (name.includes("\u0000") || value.includes("\u0000")) throw new AppError("bad_request", "Webhook form contains a NUL character (%00)");
    assign(root, splitName(name), value);
  }
  return root;
}

/** "data[FIELDS][ID]" → ["data", "FIELDS", "ID"]; "tags[]" → ["tags", ""]. */
function splitName(name: string): string[] {
  const match = /^([^[\]]*)((?:\[[^[\]]*\])*)$/.exec(name);
  const segments = match ? [match[1] ?? "", ...[...(match[2] ?? "").matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? "")] : [name];
  if (segments.length > MAX_DEPTH) throw new AppError("bad_request", `Webhook form field "${name.slice(0, 80)}" is nested too deeply`);
  if (segments.some((segment) => FORBIDDEN_KEYS.has(segment))) throw new AppError("bad_request", `Webhook form field "${name.slice(0, 80)}" is not allowed`);
  return segments;
}

function assign(root: Tree, segments: string[], value: string): void {
  let node: Tree | unknown[] = root;
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    const appendTo = segment === "" && Array.isArray(node) ? node : undefined;
    if (appendTo) {
      appendTo.push(last ? value : {});
      node = appendTo.at(-1) as Tree;
      return;
    }
    const record = node as Tree;
    if (last) {
      record[segment] = value;
      return;
    }
    const wantsList = segments[index + 1] === "";
    const existing = Object.hasOwn(record, segment) ? record[segment] : undefined;
    const child = typeof existing === "object" && existing !== null && Array.isArray(existing) === wantsList ? existing : wantsList ? [] : {};
    record[segment] = child;
    node = child as Tree | unknown[];
  });
}
