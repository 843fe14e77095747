// Types only, so client forms can import them without pulling zod into the bundle.
import type { CREDENTIAL_HOST_BINDING, CredentialType } from "@/lib/credentials/schema";

/** One input of a credential type's form; carries no value, so it is safe to hand to the browser. */
export type CredentialFieldForm = {
  name: string;
  label: string;
  help?: string;
  /** Secret inputs are password inputs, never pre-filled; on edit, blank keeps the stored value. */
  secret: boolean;
  required: boolean;
  input: "text" | "password" | "url" | "datetime-local" | "select";
  options?: readonly string[];
  defaultValue?: string;
};

export type CredentialTypeForm = {
  type: CredentialType;
  label: string;
  fields: CredentialFieldForm[];
  /** "allowed-hosts": the forms ask for the hosts the credential may be sent to. */
  hostBinding: (typeof CREDENTIAL_HOST_BINDING)[CredentialType];
};
