import { AppError } from "@/lib/errors";
import { checkJsonText } from "@/lib/webhooks/check-json-text";
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
  checkJsonText(text);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Webhook body is not valid JSON");
  }
}
