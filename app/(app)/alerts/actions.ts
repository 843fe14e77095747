"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { createAlertChannel } from "@/lib/alerts/create-alert-channel";
import { createAlertRule } from "@/lib/alerts/create-alert-rule";
import { deleteAlertChannel } from "@/lib/alerts/delete-alert-channel";
import { deleteAlertRule } from "@/lib/alerts/delete-alert-rule";
import { createAlertChannelSchema, createAlertRuleSchema, updateAlertRuleSchema } from "@/lib/alerts/schema";
import { sendTestAlert } from "@/lib/alerts/send-test-alert";
import { updateAlertRule } from "@/lib/alerts/update-alert-rule";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { AppError } from "@/lib/errors";
import type { ActionState } from "@/components/forms/action-state";
import { formValues } from "@/components/forms/form-values";
import { toErrorState } from "@/components/forms/to-error-state";

const channelIdSchema = z.object({ channelId: z.uuid("Alert channel not found") });
const ruleIdSchema = z.object({ ruleId: z.uuid("Alert rule not found") });
const ruleEnabledSchema = ruleIdSchema.extend({ enabled: z.enum(["true", "false"]).transform((value) => value === "true") });

/** Recipients as typed: one per line or separated by commas; each is checked by the channel kind's schema. */
function splitRecipients(text: string | undefined): string[] {
  return (text ?? "").split(/[\n,;]/).map((entry) => entry.trim()).filter((entry) => entry !== "");
}

function checkedChannelIds(formData: FormData): string[] {
  return formData.getAll("channelIds").filter((v): v is string => typeof v === "string");
}

/** The kind-specific part of the channel form. */
function channelConfigOf(values: Record<string, string>): unknown {
  if (values.kind === "telegram") return { chatId: values.chatId };
  if (values.kind === "email") return { to: splitRecipients(values.recipients), ...(values.subjectPrefix?.trim() ? { subjectPrefix: values.subjectPrefix } : {}) };
  return {};
}

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
      channelIds: checkedChannelIds(formData),
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
      config: channelConfigOf(values),
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

/** Edits a rule's params, scope, channels and repeat; its kind never changes. */
export async function updateAlertRuleAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await actingUser(await requirePermission("alerts.manage"), await headers());
    const { ruleId } = ruleIdSchema.parse(values);
    const params = parseParamsJson(values.params);
    const input = updateAlertRuleSchema.parse({
      name: values.name,
      params,
      flowId: values.flowId || null,
      connectorKey: values.connectorKey || null,
      channelIds: checkedChannelIds(formData),
      repeatMinutes: values.repeatMinutes ? Number(values.repeatMinutes) : undefined,
    });
    await updateAlertRule({ actor, ruleId, input });
  } catch (error) {
    return toErrorState(error, values);
  }
  revalidatePath("/alerts");
  return { status: "ok", message: "Rule saved", data: null };
}

/** Enable or disable: a disabled rule is skipped by the evaluation and keeps its history. */
export async function setAlertRuleEnabledAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await actingUser(await requirePermission("alerts.manage"), await headers());
    const { ruleId, enabled } = ruleEnabledSchema.parse(values);
    await updateAlertRule({ actor, ruleId, input: { enabled } });
    revalidatePath("/alerts");
    return { status: "ok", message: enabled ? "Rule enabled" : "Rule disabled", data: null };
  } catch (error) {
    return toErrorState(error, values);
  }
}

export async function deleteAlertRuleAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await actingUser(await requirePermission("alerts.manage"), await headers());
    await deleteAlertRule({ actor, ...ruleIdSchema.parse(values) });
  } catch (error) {
    return toErrorState(error, values);
  }
  revalidatePath("/alerts");
  return { status: "ok", message: "Rule deleted", data: null };
}

/** Refused while a rule still names the channel (the message lists them). */
export async function deleteAlertChannelAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await actingUser(await requirePermission("alerts.manage"), await headers());
    await deleteAlertChannel({ actor, ...channelIdSchema.parse(values) });
  } catch (error) {
    return toErrorState(error, values);
  }
  revalidatePath("/alerts");
  return { status: "ok", message: "Channel deleted", data: null };
}
