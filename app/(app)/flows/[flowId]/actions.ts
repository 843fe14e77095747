"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/require-permission";
import { flowStatusSchema, publishSchema } from "@/lib/flows/requests";
import { publishVersion } from "@/lib/flows/publish-version";
import { setFlowStatus } from "@/lib/flows/set-flow-status";
import type { ActionState } from "@/components/forms/action-state";
import { formValues } from "@/components/forms/form-values";
import { toErrorState } from "@/components/forms/to-error-state";

// The flow id arrives as a hidden field, so it is as untrusted as the rest of the form.
const flowIdShape = { flowId: z.uuid("Flow not found") };
const publishFormSchema = publishSchema.extend(flowIdShape);
const statusFormSchema = flowStatusSchema.extend(flowIdShape);

function revalidateFlow(flowId: string) {
  revalidatePath(`/flows/${flowId}`);
  revalidatePath("/flows");
}

export async function publishFlowAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requirePermission("flows.publish");
    const { flowId, message } = publishFormSchema.parse(values);
    const version = await publishVersion({ flowId, userId: actor.userId, message });
    revalidateFlow(flowId);
    return { status: "ok", message: `Published v${version.number}`, data: null };
  } catch (error) {
    return toErrorState(error, values);
  }
}

export async function setFlowStatusAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    await requirePermission("flows.pause");
    const { flowId, status } = statusFormSchema.parse(values);
    await setFlowStatus(flowId, status);
    revalidateFlow(flowId);
    return { status: "ok", message: status === "paused" ? "Flow paused" : "Flow resumed", data: null };
  } catch (error) {
    return toErrorState(error, values);
  }
}
