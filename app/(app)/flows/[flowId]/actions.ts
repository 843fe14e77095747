"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actingUser } from "@/lib/audit/acting-user";
import type { Action } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { AppError } from "@/lib/errors";
import { flowStatusSchema, publishSchema, rollbackSchema, unsignedWebhooksSchema } from "@/lib/flows/requests";
import { publishVersion } from "@/lib/flows/publish-version";
import { rollbackVersion } from "@/lib/flows/rollback-version";
import { setFlowStatus } from "@/lib/flows/set-flow-status";
import { setUnsignedWebhooks } from "@/lib/flows/set-unsigned-webhooks";
import { flowRetentionSchema } from "@/lib/retention/schema";
import { setFlowRetention } from "@/lib/retention/set-flow-retention";
import { manualRunSchema } from "@/lib/intake/manual-run-schema";
import { pollCursorSchema } from "@/lib/polling/schema";
import { setPollCursor } from "@/lib/polling/set-poll-cursor";
import { startManualRun } from "@/lib/intake/start-manual-run";
import type { ActionState } from "@/components/forms/action-state";
import { formValues } from "@/components/forms/form-values";
import { toErrorState } from "@/components/forms/to-error-state";

// The flow id arrives as a hidden field, so it is as untrusted as the rest of the form.
const flowIdShape = { flowId: z.uuid("Flow not found") };
const publishFormSchema = publishSchema.extend(flowIdShape);
const statusFormSchema = flowStatusSchema.extend(flowIdShape);
const rollbackFormSchema = rollbackSchema.extend(flowIdShape);
// Forms post text: "true"/"false" for the switch, the payload as typed.
const unsignedFormSchema = unsignedWebhooksSchema.extend({ ...flowIdShape, allowed: z.enum(["true", "false"]).transform((value) => value === "true") });
// Number inputs post text; a blank or non-numeric one becomes NaN and is refused by the shared schema.
const retentionFormSchema = z
  .object({ ...flowIdShape, bodyRetentionDays: z.string().transform(Number), runRetentionDays: z.string().transform(Number) })
  .pipe(flowRetentionSchema.and(z.object(flowIdShape)));
// An empty cursor means null: start over from the trigger's own cursor.
const pollCursorFormSchema = z.object({ ...flowIdShape, cursor: z.string().transform((value) => (value.trim() === "" ? null : value)) });
const manualRunFormSchema = manualRunSchema.extend({ ...flowIdShape, payload: z.string() });

/** Checks the permission and names the acting user, with the IP the request came from, for the audit row. */
async function requireActingUser(action: Action) {
  const actor = await requirePermission(action);
  return actingUser(actor, await headers());
}

function revalidateFlow(flowId: string) {
  revalidatePath(`/flows/${flowId}`);
  revalidatePath("/flows");
}

export async function publishFlowAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActingUser("flows.publish");
    const { flowId, message, environment } = publishFormSchema.parse(values);
    const version = await publishVersion({ flowId, actor, message, environment });
    revalidateFlow(flowId);
    return { status: "ok", message: `Published v${version.number} (${version.environment})`, data: null };
  } catch (error) {
    return toErrorState(error, values);
  }
}

export async function rollbackFlowAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActingUser("flows.publish");
    // The form posts text; the API takes a JSON number, and the shared schema stays strict for it.
    const { flowId, versionNumber } = rollbackFormSchema.parse({ ...values, versionNumber: Number(values.versionNumber) });
    const version = await rollbackVersion({ flowId, versionNumber, actor });
    revalidateFlow(flowId);
    return { status: "ok", message: `Published v${version.number}: ${version.message}`, data: null };
  } catch (error) {
    return toErrorState(error, values);
  }
}

export async function setFlowStatusAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActingUser("flows.pause");
    const { flowId, status, whilePaused } = statusFormSchema.parse(values);
    await setFlowStatus({ flowId, status, whilePaused, actor });
    revalidateFlow(flowId);
    return { status: "ok", message: status === "paused" ? "Flow paused" : "Flow resumed", data: null };
  } catch (error) {
    return toErrorState(error, values);
  }
}

export async function setUnsignedWebhooksAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActingUser("flows.allow-unsigned");
    const { flowId, allowed } = unsignedFormSchema.parse(values);
    await setUnsignedWebhooks({ flowId, allowed, actor });
    revalidateFlow(flowId);
    return { status: "ok", message: allowed ? "Unsigned webhooks allowed for this flow" : "Signatures required again", data: null };
  } catch (error) {
    return toErrorState(error, values);
  }
}

export async function setFlowRetentionAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActingUser("flows.retention");
    const { flowId, bodyRetentionDays, runRetentionDays } = retentionFormSchema.parse(values);
    await setFlowRetention({ flowId, bodyRetentionDays, runRetentionDays, actor });
    revalidateFlow(flowId);
    return { status: "ok", message: `Payloads kept ${bodyRetentionDays} days, runs ${runRetentionDays} days`, data: null };
  } catch (error) {
    return toErrorState(error, values);
  }
}

export async function startManualRunAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let runId: string;
  try {
    const actor = await requireActingUser("runs.trigger");
    const { flowId, payload } = manualRunFormSchema.parse(values);
    ({ runId } = await startManualRun({ flowId, payload: parsePayload(payload), actor }));
  } catch (error) {
    return toErrorState(error, values);
  }
  redirect(`/runs/${runId}`);
}

function parsePayload(text: string): z.infer<typeof manualRunSchema>["payload"] {
  try {
    return manualRunSchema.shape.payload.parse(JSON.parse(text));
  } catch {
    throw new AppError("bad_request", "The payload is not valid JSON");
  }
}

export async function setPollCursorAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requireActingUser("flows.pause");
    const form = pollCursorFormSchema.parse(values);
    const { cursor } = pollCursorSchema.parse(form);
    const flowId = form.flowId;
    await setPollCursor({ flowId, cursor, actor });
    revalidateFlow(flowId);
    return { status: "ok", message: cursor === null ? "The next poll starts from the trigger's cursor" : "Cursor set; the next poll starts there", data: null };
  } catch (error) {
    return toErrorState(error, values);
  }
}
