"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getClientIp } from "@/lib/auth/get-client-ip";
import { requirePermission } from "@/lib/auth/require-permission";
import { outboundAllowListTextSchema, trustedProxiesSchema } from "@/lib/settings/schema";
import { updateOutboundAllowList } from "@/lib/settings/update-outbound-allow-list";
import { updateTrustedProxies } from "@/lib/settings/update-trusted-proxies";
import type { ActionState } from "@/components/forms/action-state";
import { formValues } from "@/components/forms/form-values";
import { toErrorState } from "@/components/forms/to-error-state";

export async function updateOutboundAllowListAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requirePermission("settings.manage");
    const entries = outboundAllowListTextSchema.parse(values.entries ?? "");
    const saved = await updateOutboundAllowList({ actor, entries, ip: await getClientIp(await headers()) });
    revalidatePath("/settings");
    return { status: "ok", message: `Saved ${saved.entries.length} ${saved.entries.length === 1 ? "entry" : "entries"}`, data: null };
  } catch (error) {
    return toErrorState(error, values);
  }
}

export async function updateTrustedProxiesAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requirePermission("settings.manage");
    const trustedProxies = trustedProxiesSchema.parse(values.trustedProxies);
    await updateTrustedProxies({ actor, trustedProxies, ip: await getClientIp(await headers()) });
    revalidatePath("/settings");
    return { status: "ok", message: `Saved: ${trustedProxies} trusted ${trustedProxies === 1 ? "proxy" : "proxies"}`, data: null };
  } catch (error) {
    return toErrorState(error, values);
  }
}
