import { AppError } from "@/lib/errors";

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;

/** Flowgate accepts JSON webhooks; anything else is refused before it is stored. */
export function parseWebhookBody(contentType: string | null, raw: Buffer): unknown {
  if (!contentType || !JSON_TYPE.test(contentType)) {
    throw new AppError("unsupported_media_type", "Webhook bodies must be JSON (Content-Type: application/json)");
  }
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw new AppError("bad_request", "Webhook body is not valid JSON");
  }
}
