"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { requirePermission } from "@/lib/auth/require-permission";
import { createApiToken } from "@/lib/auth/create-api-token";
import { getClientIp } from "@/lib/auth/get-client-ip";
import { revokeApiToken } from "@/lib/auth/revoke-api-token";
import { createApiTokenSchema, createUserSchema, tokenIdSchema, updateUserSchema } from "@/lib/auth/schema";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import type { ActionState } from "@/components/forms/action-state";
import { formValues } from "@/components/forms/form-values";
import { toErrorState } from "@/components/forms/to-error-state";
import type { CreatedToken } from "@/components/users/create-api-token-form";

// CSRF: Next itself refuses a server action whose Origin names another host
// than Host / X-Forwarded-Host (next/dist/server/app-render/action-handler),
// so these need no check of their own.

const requestIp = async () => getClientIp(await headers());

export async function createUserAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  // The password is parsed but never echoed back into the form.
  const echo = formValues(formData, ["password"]);
  try {
    const actor = await requirePermission("users.manage");
    const input = createUserSchema.parse(formValues(formData));
    const user = await createUser({ input, actor, ip: await requestIp() });
    revalidatePath("/users");
    return { status: "ok", message: `Created ${user.email} (${user.role})`, data: null };
  } catch (error) {
    return toErrorState(error, echo);
  }
}

export async function updateUserRoleAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requirePermission("users.manage");
    const input = updateUserSchema.parse({ userId: values.userId, role: values.role });
    await updateUser({ input, actor, ip: await requestIp() });
    revalidatePath("/users");
    return { status: "ok", message: "Saved", data: null };
  } catch (error) {
    return toErrorState(error, values);
  }
}

export async function setUserDisabledAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requirePermission("users.manage");
    const input = updateUserSchema.parse({ userId: values.userId, disabled: values.disabled === "true" });
    await updateUser({ input, actor, ip: await requestIp() });
    revalidatePath("/users");
    return { status: "ok", message: input.disabled ? "Disabled" : "Enabled", data: null };
  } catch (error) {
    return toErrorState(error, values);
  }
}

export async function resetUserPasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const echo = formValues(formData, ["password"]);
  try {
    const actor = await requirePermission("users.manage");
    const input = updateUserSchema.parse({ userId: formData.get("userId"), password: formData.get("password") });
    await updateUser({ input, actor, ip: await requestIp() });
    return { status: "ok", message: "Password changed", data: null };
  } catch (error) {
    return toErrorState(error, echo);
  }
}

export async function createApiTokenAction(_state: ActionState<CreatedToken>, formData: FormData): Promise<ActionState<CreatedToken>> {
  const values = formValues(formData);
  try {
    const actor = await requirePermission("users.manage");
    // An empty "expires in" box means "never", not 0 days.
    const input = createApiTokenSchema.parse({ ...values, expiresInDays: values.expiresInDays || undefined });
    const created = await createApiToken({ ...input, actor, ip: await requestIp() });
    revalidatePath("/users");
    return {
      status: "ok",
      message: `Token "${input.name}" created`,
      data: { token: created.token, expiresAt: created.expiresAt?.toISOString() ?? null },
    };
  } catch (error) {
    return toErrorState(error, values);
  }
}

export async function revokeApiTokenAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await requirePermission("users.manage");
    const { tokenId } = tokenIdSchema.parse(values);
    await revokeApiToken({ tokenId, actor, ip: await requestIp() });
    revalidatePath("/users");
    return { status: "ok", message: "Revoked", data: null };
  } catch (error) {
    return toErrorState(error, values);
  }
}
