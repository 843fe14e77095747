"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { headers } from "next/headers";
import { actingUser } from "@/lib/audit/acting-user";
import { requirePermission } from "@/lib/auth/require-permission";
import { checkConnection } from "@/lib/credentials/check-connection";
import { createCredential } from "@/lib/credentials/create-credential";
import { deleteCredential } from "@/lib/credentials/delete-credential";
import { CREDENTIAL_SECRET_FIELDS, checkConnectionSchema, createCredentialSchema, updateCredentialSchema } from "@/lib/credentials/schema";
import type { TestCredentialResult } from "@/lib/credentials/test-credential";
import { updateCredential } from "@/lib/credentials/update-credential";
import type { ActionState } from "@/components/forms/action-state";
import { formValues } from "@/components/forms/form-values";
import { toErrorState } from "@/components/forms/to-error-state";

// Inputs are named fields.<name>. Secret ones are never echoed back into a
// form after a failed submit: the browser gets no secret from the server, ever.
const FIELD_PREFIX = "fields.";
const SECRET_INPUTS = [...new Set(Object.values(CREDENTIAL_SECRET_FIELDS).flat())].map((name) => `${FIELD_PREFIX}${name}`);

// The id arrives as a hidden field, so it is as untrusted as the rest of the form.
const credentialIdSchema = z.object({ credentialId: z.uuid("Credential not found") });

function fieldsOf(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).flatMap(([key, value]) => (key.startsWith(FIELD_PREFIX) ? [[key.slice(FIELD_PREFIX.length), value]] : [])));
}

/** The textarea's lines; absent when the type takes no host list (the schema then defaults or keeps it). */
function allowedHostsOf(values: Record<string, string>): string[] | undefined {
  return values.allowedHosts === undefined ? undefined : values.allowedHosts.split(/\r?\n/);
}

function revalidateCredential(credentialId: string) {
  revalidatePath(`/credentials/${credentialId}`);
  revalidatePath("/credentials");
}

export async function createCredentialAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let credentialId: string;
  try {
    const actor = await actingUser(await requirePermission("credentials.write"), await headers());
    const input = createCredentialSchema.parse({
      name: values.name,
      environment: values.environment,
      type: values.type,
      fields: fieldsOf(values),
      allowedHosts: allowedHostsOf(values),
    });
    credentialId = (await createCredential({ actor, ...input })).id;
  } catch (error) {
    return toErrorState(error, formValues(formData, SECRET_INPUTS));
  }
  revalidatePath("/credentials");
  redirect(`/credentials/${credentialId}`);
}

export async function updateCredentialAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await actingUser(await requirePermission("credentials.write"), await headers());
    const { credentialId } = credentialIdSchema.parse(values);
    const clear = formData.getAll("clear").filter((value): value is string => typeof value === "string");
    const input = updateCredentialSchema.parse({ fields: fieldsOf(values), clear, allowedHosts: allowedHostsOf(values) });
    await updateCredential({ actor, credentialId, ...input });
    revalidateCredential(credentialId);
    return { status: "ok", message: "Saved", data: null };
  } catch (error) {
    return toErrorState(error, formValues(formData, SECRET_INPUTS));
  }
}

export async function deleteCredentialAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  try {
    const actor = await actingUser(await requirePermission("credentials.write"), await headers());
    const { credentialId } = credentialIdSchema.parse(values);
    await deleteCredential({ actor, credentialId });
  } catch (error) {
    return toErrorState(error, values);
  }
  revalidatePath("/credentials");
  redirect("/credentials");
}

export async function checkConnectionAction(_state: ActionState<TestCredentialResult>, formData: FormData): Promise<ActionState<TestCredentialResult>> {
  const values = formValues(formData);
  try {
    const actor = await actingUser(await requirePermission("credentials.write"), await headers());
    const { credentialId } = credentialIdSchema.parse(values);
    const { url } = checkConnectionSchema.parse({ url: values.url || undefined });
    const result = await checkConnection({ actor, credentialId, url });
    return { status: "ok", message: result.ok ? "Connection OK" : "Connection failed", data: result };
  } catch (error) {
    return toErrorState(error, values);
  }
}
