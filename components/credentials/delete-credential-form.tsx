"use client";

import type { FormAction } from "@/components/forms/action-state";
import { ConfirmActionForm } from "@/components/forms/confirm-action-form";

type DeleteCredentialFormProps = { credentialId: string; name: string; environment: string; action: FormAction };

/** Two steps, so a stray click cannot delete; the server still refuses while a flow refers to it. */
export function DeleteCredentialForm({ credentialId, name, environment, action }: DeleteCredentialFormProps) {
  return (
    <ConfirmActionForm
      action={action}
      target={{ credentialId }}
      label="Delete credential"
      button="Delete"
      question={
        <>
          Delete the {environment} credential <strong>{name}</strong>? Flows that use it would fail.
        </>
      }
    />
  );
}
