import { z } from "zod";
import {
  CREDENTIAL_FIELD_SCHEMAS,
  CREDENTIAL_HOST_BINDING,
  CREDENTIAL_SECRET_FIELDS,
  CREDENTIAL_TYPES,
  type CredentialFields,
  type CredentialType,
} from "@/lib/credentials/schema";
import type { CredentialFieldForm, CredentialTypeForm } from "@/components/credentials/credential-form-types";

type FieldCopy = { label: string; help?: string; input?: "url" | "datetime-local" };

/** What people read on the form; which fields exist, are required or secret comes from the schema. */
const COPY = {
  "api-key-header": {
    label: "API key in a header",
    fields: {
      headerName: { label: "Header name" },
      prefix: { label: "Prefix", help: 'Written before the key, e.g. "Token " (leave blank to send the key bare)' },
      apiKey: { label: "API key" },
    },
  },
  "api-key-query": {
    label: "API key in the query string",
    fields: { paramName: { label: "Query parameter" }, apiKey: { label: "API key" } },
  },
  bearer: { label: "Bearer token", fields: { token: { label: "Token" } } },
  basic: { label: "Username and password (Basic)", fields: { username: { label: "Username" }, password: { label: "Password" } } },
  "oauth2-client-credentials": {
    label: "OAuth 2.0 client credentials",
    fields: {
      tokenUrl: { label: "Token URL", input: "url" },
      clientId: { label: "Client ID" },
      clientSecret: { label: "Client secret" },
      scopes: { label: "Scopes", help: "Space-separated" },
      clientAuth: { label: "Send the client secret", help: "basic: Authorization header; body: form fields" },
    },
  },
  "secret-url": {
    label: "Secret URL",
    fields: { url: { label: "URL", help: "The URL is the secret, e.g. a Bitrix24 inbound webhook or https://api.telegram.org/bot<token>/" } },
  },
  "webhook-signing": {
    label: "Webhook signing secret",
    fields: {
      secret: { label: "Signing secret" },
      previousSecret: { label: "Previous secret", help: "Keeps verifying during a rotation" },
      previousExpiresAt: { label: "Previous secret valid until", input: "datetime-local" },
    },
  },
  smtp: {
    label: "SMTP account (e-mail alerts)",
    fields: {
      host: { label: "SMTP host", help: "e.g. smtp.example.com; the password is only ever sent to this host" },
      port: { label: "Port", help: "Blank: 465 for tls, 587 for starttls, 25 for none" },
      security: { label: "Security", help: "tls: implicit TLS; starttls: upgrade, refused if the server cannot; none: plain text, only to a local or allow-listed host" },
      username: { label: "Username" },
      password: { label: "Password" },
      from: { label: "From address", help: "The sender of every alert e-mail" },
    },
  },
} satisfies { [T in CredentialType]: { label: string; fields: { [F in keyof CredentialFields<T>]-?: FieldCopy } } };

/** Every credential type's form, built on the server from the schemas and handed to the client forms. */
export function describeCredentialTypes(): CredentialTypeForm[] {
  return CREDENTIAL_TYPES.map((type) => {
    const copy: { label: string; fields: Record<string, FieldCopy> } = COPY[type];
    const secrets: readonly string[] = CREDENTIAL_SECRET_FIELDS[type];
    const shape: Record<string, z.ZodType> = CREDENTIAL_FIELD_SCHEMAS[type].shape;
    const fields = Object.entries(shape).map(([name, schema]): CredentialFieldForm => {
      const fieldCopy = copy.fields[name] ?? { label: name };
      const fallback = schema.safeParse(undefined);
      const inner = schema instanceof z.ZodDefault ? schema.unwrap() : schema;
      const options = inner instanceof z.ZodEnum ? (inner.options as string[]) : undefined;
      const secret = secrets.includes(name);
      return {
        name,
        label: fieldCopy.label,
        help: fieldCopy.help,
        secret,
        required: !fallback.success,
        input: secret ? "password" : options ? "select" : (fieldCopy.input ?? "text"),
        options,
        defaultValue: fallback.success && typeof fallback.data === "string" ? fallback.data : undefined,
      };
    });
    return { type, label: copy.label, fields, hostBinding: CREDENTIAL_HOST_BINDING[type] };
  });
}
