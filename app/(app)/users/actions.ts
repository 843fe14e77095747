"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/require-permission";
import { createApiToken } from "@/lib/auth/create-api-token";
import { createApiTokenSchema, createUserSchema, updateUserSchema } from "@/lib/auth/schema";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import type { ActionState } from "@/components/forms/action-state";
import { formValues } from "@/components/forms/form-values";
import { toErrorState } from "@/components/forms/to-error-state";
import type { CreatedToken } from "@/components/users/api-token-form";

export async function createUserAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  // The password is parsed but never echoed back into the form.
  const echo = formValues(formData, ["password"]);
  try {
    await requirePermission("users.manage");
    const input = createUserSchema.parse(formValues(formData));
    const user = await createUser(input);
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
    await updateUser(actor.userId, input);
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
    await updateUser(actor.userId, input);
    revalidatePath("/users");
    return { status: "ok", message: input.disabled ? "Disabled" : "Enabled", data: null };
  } catch (error) {
    return toErrorState(error, values);
  }
}

export async function createApiTokenAction(_state: ActionState<CreatedToken>, formData: FormData): Promise<ActionState<CreatedToken>> {
  const values = formValues(formData);
  try {
    await requirePermission("users.manage");
    // An empty "expires in" box means "never", not 0 days.
    const input = createApiTokenSchema.parse({ ...values, expiresInDays: values.expiresInDays || undefined });
    const created = await createApiToken(input);
    return {
      status: "ok",
      message: `Token "${input.name}" created`,
      data: { token: created.token, expiresAt: created.expiresAt?.toISOString() ?? null },
    };
  } catch (error) {
    return toErrorState(error, values);
  }
}
