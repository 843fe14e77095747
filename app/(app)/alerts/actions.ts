"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { createAlertChannel } from "@/lib/alerts/create-alert-channel";
import { createAlertRule } from "@/lib/alerts/create-alert-rule";
import { createAlertChannelSchema, createAlertRuleSchema } from "@/lib/alerts/schema";
import { sendTestAlert } from "@/lib/alerts/send-test-alert";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { AppError } from "@/lib/errors";
import type { ActionState } from "@/components/forms/action-state";
import { formValues } from "@/components/forms/form-values";
import { toErrorState } from "@/components/forms/to-error-state";

const channelIdSchema = z.object({ channelId: z.uuid("Alert channel not found") });

function parseParamsJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text?.trim() || "{}");
  } catch {
    throw new AppError("validation_failed", "params: not valid JSON");
  }
}

export async function createAlertRuleAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await actingUser(await requirePermission("alerts.manage"), await headers());
    const input = createAlertRuleSchema.parse({
      name: values.name,
      kind: values.kind,
      params: parseParamsJson(values.params),
      flowId: values.flowId || null,
      connectorKey: values.connectorKey || null,
      channelIds: formData.getAll("channelIds").filter((v): v is string => typeof v === "string"),
      repeatMinutes: values.repeatMinutes ? Number(values.repeatMinutes) : undefined,
    });
    await createAlertRule({ actor, input });
  } catch (error) {
    return toErrorState(error, values);
  }
  revalidatePath("/alerts");
  return { status: "ok", message: "Rule created", data: null };
}

export async function createAlertChannelAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await actingUser(await requirePermission("alerts.manage"), await headers());
    const input = createAlertChannelSchema.parse({
      name: values.name,
      kind: values.kind,
      config: values.kind === "telegram" ? { chatId: values.chatId } : {},
      credentialRef: values.credentialRef,
    });
    await createAlertChannel({ actor, input });
  } catch (error) {
    return toErrorState(error, values);
  }
  revalidatePath("/alerts");
  return { status: "ok", message: "Channel created", data: null };
}

/** "Send test alert": the outcome (sent, or the masked reason it failed) is the form's message. */
export async function sendTestAlertAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await actingUser(await requirePermission("alerts.manage"), await headers());
    const { channelId } = channelIdSchema.parse(values);
    const notification = await sendTestAlert({ actor, channelId });
    revalidatePath("/alerts");
    return { status: "ok", message: notification.ok ? "Test alert sent" : `Test alert failed: ${notification.error}`, data: null };
  } catch (error) {
    return toErrorState(error, values);
  }
}
