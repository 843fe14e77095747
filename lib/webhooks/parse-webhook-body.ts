import { AppError } from "@/lib/errors";
import { checkJsonText, type TextSpan } from "@/lib/webhooks/check-json-text";
import { decodeBodyText } from "@/lib/webhooks/decode-body-text";
import { parseFormBody } from "@/lib/webhooks/parse-form-body";

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;

export type ParseWebhookBodyOptions = { acceptForm: boolean };

/** JSON always, form-encoded where the flow's trigger says so; anything else is refused before it is stored. */
export function parseWebhookBody(contentType: string | null, raw: Buffer, { acceptForm }: ParseWebhookBodyOptions): unknown {
  if (acceptForm && contentType && FORM_TYPE.test(contentType)) return parseFormBody(raw);
  if (!contentType || !JSON_TYPE.test(contentType)) {
    const accepted = acceptForm ? "JSON or form-encoded (application/x-www-form-urlencoded)" : "JSON (Content-Type: application/json)";
    throw new AppError("unsupported_media_type", `Webhook bodies must be ${accepted}`);
  }
  const text = decodeBodyText(raw);
  // Before parsing, so a hostile body is refused with its reason instead of being stored and breaking its run later.
  const unsafeIntegers = checkJsonText(text);
  try {
    return JSON.parse(quoteSpans(text, unsafeIntegers));
  } catch {
    throw new AppError("bad_request", "Webhook body is not valid JSON");
  }
}

/**
 * Integers beyond 2^53 become strings holding their exact digits: as numbers
 * they would silently change value (a 64-bit id sent on to a CRM as another
 * record's id, two event ids deduplicated into one). The stored raw body keeps them as sent.
 */
function quoteSpans(text: string, spans: readonly TextSpan[]): string {
  if (spans.length === 0) return text;
  let quoted = "";
  let from = 0;
  for (const [start, end] of spans) {
    quoted += `${text.slice(from, start)}"${text.slice(start, end)}"`;
    from = end;
  }
  return quoted + text.slice(from);
}
