import { db } from "@/lib/db";
import { getFlowOrThrow } from "@/lib/flows/get-flow-or-throw";
import { redactValue } from "@/lib/redact/redact-value";
import { parseWebhookBody } from "@/lib/webhooks/parse-webhook-body";

export type FlowSample = { sample: unknown; source: "saved" | "last-event" | null };

/**
 * The sample event the editor starts from: the one the analyst saved, else
 * the body of the flow's latest accepted event (decoded as the worker
 * decodes it, form bodies into nested fields), else none. Masked like every
 * stored body (R20): a real event may carry tokens.
 */
export async function getFlowSample(flowId: string): Promise<FlowSample> {
  const flow = await getFlowOrThrow(flowId);
  if (flow.editorSample !== null) return { sample: redactValue(flow.editorSample), source: "saved" };
  const event = await db.event.findFirst({ where: { flowId }, orderBy: { arrivalSeq: "desc" }, select: { contentType: true, rawBody: true } });
  if (!event) return { sample: null, source: null };
  // Intake accepted it with this parser, so it decodes; form bodies only reach flows that accept them.
  const body = parseWebhookBody(event.contentType, Buffer.from(event.rawBody, "utf8"), { acceptForm: true });
  return { sample: redactValue(body), source: "last-event" };
}
