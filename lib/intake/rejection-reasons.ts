import type { AppError } from "@/lib/errors";

/** What each counted refusal means, in the words the flow's events view uses. */
export const REJECTION_REASONS: Record<string, string> = {
  missing_header: "Signature header or token missing",
  bad_signature: "Signature did not match",
  stale_timestamp: "Signature timestamp outside ±300 s",
  signature_required: "Unsigned, and unsigned webhooks are not allowed for this flow",
  secret_not_configured: "The signing secret is not in the vault for this environment",
  flow_paused: "Flow paused",
  not_published: "No published version",
  not_a_webhook_flow: "The published version has no webhook trigger",
  rate_limited: "Backlog over its limit (429)",
  payload_too_large: "Body over the size limit",
  unsupported_media_type: "Content type not accepted",
  bad_request: "Malformed body",
  event_id_expression_failed: "Event id expression failed",
};

/** The category a refusal is counted under: the specific reason when the error names one, else its code. */
export function rejectionReason(error: AppError): string {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === "string" ? reason : error.code;
}
