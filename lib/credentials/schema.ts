import { z } from "zod";
import { parseAllowedHost } from "@/lib/credentials/parse-allowed-host";

/**
 * The credential contract: one zod schema per type for the secret fields
 * (what is encrypted), shared by the admin form, the API and the worker.
 * How each type is put onto a request lives in apply-credential.ts.
 */
export const ENVIRONMENTS = ["sandbox", "production"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

const secret = z.string().min(1, "is required").max(8192);

/**
 * How an SMTP connection is protected: `tls` is implicit TLS (port 465),
 * `starttls` upgrades a plain connection and refuses a server that cannot
 * (587), `none` is plain text, only ever used towards a host that is not on
 * the public internet (a local relay or an allow-listed test server).
 */
export const SMTP_SECURITY_MODES = ["tls", "starttls", "none"] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY_MODES)[number];
export const SMTP_DEFAULT_PORTS: Record<SmtpSecurity, number> = { tls: 465, starttls: 587, none: 25 };
const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "must be a valid header name");

export const CREDENTIAL_FIELD_SCHEMAS = {
  "api-key-header": z.object({
    headerName: headerName.default("X-Api-Key"),
    /** Written before the key, e.g. "Token " (TrustMe sends the key bare, others prefix it). */
    prefix: z.string().max(64).default(""),
    apiKey: secret,
  }),
  "api-key-query": z.object({
    paramName: z.string().min(1).max(128).default("api_key"),
    apiKey: secret,
  }),
  bearer: z.object({ token: secret }),
  basic: z.object({ username: z.string().min(1).max(512), password: secret }),
  "oauth2-client-credentials": z.object({
    tokenUrl: z.url({ protocol: /^https?$/ }),
    clientId: z.string().min(1).max(1024),
    clientSecret: secret,
    /** Space-separated, as OAuth 2.0 writes them. */
    scopes: z.string().max(2048).default(""),
    /** Where the client id/secret go on the token request (RFC 6749 §2.3.1 allows both). */
    clientAuth: z.enum(["basic", "body"]).default("basic"),
  }),
  /** The URL is the secret (Bitrix24 inbound webhooks, Telegram /bot<token>/): a step's path is appended to it. */
  "secret-url": z.object({ url: z.url({ protocol: /^https?$/ }) }),
  /** For verifying inbound webhooks; the previous secret keeps verifying during a rotation. */
  "webhook-signing": z.object({
    secret,
    previousSecret: secret.optional(),
    previousExpiresAt: z.coerce.date().optional(),
  }),
  /** An SMTP account for e-mail alerts: the credential names its own server, which is the only place the password goes. */
  smtp: z.object({
    host: z
      .string()
      .trim()
      .toLowerCase()
      .max(253)
      .regex(/^([a-z0-9-]+\.)*[a-z0-9-]+$|^[0-9a-f:]*:[0-9a-f:.]+$/, "must be a host name or IP address, without scheme or port"),
    /** Blank means the usual port of the security mode (see SMTP_DEFAULT_PORTS). */
    port: z.coerce.number().int().min(1).max(65_535).optional(),
    security: z.enum(SMTP_SECURITY_MODES).default("starttls"),
    username: z.string().min(1).max(512),
    password: secret,
    from: z.email(),
  }),
} as const;

export type CredentialType = keyof typeof CREDENTIAL_FIELD_SCHEMAS;
export const CREDENTIAL_TYPES = Object.keys(CREDENTIAL_FIELD_SCHEMAS) as CredentialType[];
export type CredentialFields<T extends CredentialType = CredentialType> = z.output<(typeof CREDENTIAL_FIELD_SCHEMAS)[T]>;

/**
 * Which fields of each type are secret: masked by value while in use, and
 * the first one gives the "…last4" hint. The others (header names, client
 * ids, token URLs) are configuration and may be shown.
 */
export const CREDENTIAL_SECRET_FIELDS = {
  "api-key-header": ["apiKey"],
  "api-key-query": ["apiKey"],
  bearer: ["token"],
  basic: ["password"],
  "oauth2-client-credentials": ["clientSecret"],
  "secret-url": ["url"],
  "webhook-signing": ["secret", "previousSecret"],
  smtp: ["password"],
} as const satisfies { [T in CredentialType]: ReadonlyArray<keyof CredentialFields<T>> };

/**
 * Where each type may send its secret, so a flow author who can write any
 * URL into a step cannot send the secret to a host of their choosing:
 * to the hosts listed on the credential (`allowedHosts`), only to the
 * origin of its own URL (a step gives a relative path), only to the host
 * named in its own fields (SMTP), or nowhere.
 */
export const CREDENTIAL_HOST_BINDING = {
  "api-key-header": "allowed-hosts",
  "api-key-query": "allowed-hosts",
  bearer: "allowed-hosts",
  basic: "allowed-hosts",
  // The token URL is part of the credential and exempt; the calls carrying the token are checked.
  "oauth2-client-credentials": "allowed-hosts",
  "secret-url": "own-url",
  "webhook-signing": "never-sent",
  smtp: "own-host",
} as const satisfies Record<CredentialType, "allowed-hosts" | "own-url" | "own-host" | "never-sent">;

/**
 * A credential's allowed hosts, one entry per item (the form sends one per
 * line; blank lines are skipped but keep their number in messages). Stored
 * canonical and without duplicates; see parse-allowed-host.ts.
 */
export const allowedHostsSchema = z
  .array(z.string().max(300))
  .max(100)
  .transform((entries, ctx) => {
    const hosts: string[] = [];
    entries.forEach((raw, index) => {
      if (raw.trim() === "") return;
      const parsed = parseAllowedHost(raw);
      if (parsed.ok) hosts.push(parsed.entry.text);
      else ctx.addIssue({ code: "custom", message: `Entry ${index + 1} (${JSON.stringify(raw.trim())}): ${parsed.reason}`, input: raw });
    });
    return [...new Set(hosts)];
  });

/** Why `hosts` does not suit a credential of `type`, or undefined when it does. */
export function allowedHostsProblem(type: CredentialType, hosts: readonly string[]): string | undefined {
  const binding = CREDENTIAL_HOST_BINDING[type];
  // Never "any host": a new credential names where it may go, or it could be sent anywhere a step points.
  if (binding === "allowed-hosts" && hosts.length === 0) return "list at least one host this credential may be sent to, e.g. api.example.com";
  if (binding === "own-url" && hosts.length > 0) return "a secret URL is only ever sent to its own host; leave this empty";
  if (binding === "own-host" && hosts.length > 0) return "an SMTP credential is only ever sent to its own server; leave this empty";
  if (binding === "never-sent" && hosts.length > 0) return "a webhook-signing secret is never sent anywhere; leave this empty";
  return undefined;
}

function variant<T extends CredentialType>(type: T) {
  return z.object({ type: z.literal(type), fields: CREDENTIAL_FIELD_SCHEMAS[type] });
}

/** A decrypted credential as the worker sees it at call time; discriminated on `type`. */
export const credentialSecretSchema = z.discriminatedUnion("type", [
  variant("api-key-header"),
  variant("api-key-query"),
  variant("bearer"),
  variant("basic"),
  variant("oauth2-client-credentials"),
  variant("secret-url"),
  variant("webhook-signing"),
  variant("smtp"),
]);
export type CredentialSecret = z.output<typeof credentialSecretSchema>;

/** How flows refer to a credential: lowercase, digits and dashes, stable across environments. */
export const credentialNameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "use lowercase letters, digits and dashes");

export const environmentSchema = z.enum(ENVIRONMENTS, { error: `must be ${ENVIRONMENTS.join(" or ")}` });

// Field values arrive as strings from forms and the API. A blank one means
// "not given": optional fields then take their defaults, and on update a
// blank secret keeps its stored value, so nobody ever needs the old secret.
const fieldInputSchema = z.record(z.string(), z.string().max(8192)).default(() => ({}));

/** Drops blank values (see fieldInputSchema). */
export function withoutBlankFields(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value.trim() !== ""));
}

/**
 * Parses a type and its fields into a CredentialSecret, reporting problems
 * at `fields.<name>` with "is required" for a missing field (zod's default
 * names the expected type, which tells a person filling a form nothing).
 */
export function parseCredentialSecret(type: CredentialType, fields: Record<string, unknown>) {
  return credentialSecretSchema.safeParse({ type, fields }, { error: (issue) => (issue.input === undefined ? "is required" : undefined) });
}

export const createCredentialSchema = z
  .object({
    name: credentialNameSchema,
    environment: environmentSchema,
    type: z.enum(CREDENTIAL_TYPES, { error: `type must be one of ${CREDENTIAL_TYPES.join(", ")}` }),
    fields: fieldInputSchema,
    allowedHosts: allowedHostsSchema.default(() => []),
  })
  .transform(({ name, environment, type, fields, allowedHosts }, ctx) => {
    const secret = parseCredentialSecret(type, withoutBlankFields(fields));
    if (!secret.success) for (const { message, path } of secret.error.issues) ctx.addIssue({ code: "custom", message, path });
    const hostsProblem = allowedHostsProblem(type, allowedHosts);
    if (hostsProblem) ctx.addIssue({ code: "custom", message: hostsProblem, path: ["allowedHosts"] });
    if (!secret.success || hostsProblem) return z.NEVER;
    return { name, environment, secret: secret.data, allowedHosts };
  });
export type CreateCredentialInput = z.output<typeof createCredentialSchema>;

export const updateCredentialSchema = z.object({
  /** Only the fields to change; blank or absent ones keep their stored values. */
  fields: fieldInputSchema,
  /** Optional fields to remove, e.g. a signing secret's previous secret once a rotation is over. */
  clear: z.array(z.string().max(64)).max(16).default(() => []),
  /** Replaces the whole list when given (no secret needs re-entering); absent keeps it. */
  allowedHosts: allowedHostsSchema.optional(),
});
export type UpdateCredentialInput = z.output<typeof updateCredentialSchema>;

export const listCredentialsQuerySchema = z.object({ environment: environmentSchema.optional() });
export type ListCredentialsQuery = z.output<typeof listCredentialsQuerySchema>;

/** "Test connection": most types need a URL to probe; OAuth 2.0 tests by fetching a token. */
/** The probe: an http(s) URL, or for a secret-URL credential a path under it (checked per type by testCredential). */
export const checkConnectionSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2048, "must be at most 2048 characters")
    .refine((url) => !/^[a-z][a-z\d+.-]*:/i.test(url) || /^https?:\/\/[^/]/i.test(url), "must be an http(s) URL or a relative path")
    .optional(),
});

/**
 * All that ever leaves the vault for the API and the browser after saving:
 * no field values, only a hint made of the last characters of the main secret.
 */
export type CredentialMask = {
  id: string;
  name: string;
  type: CredentialType;
  environment: Environment;
  hint: string;
  /** Not secret: where the credential may be sent (see CREDENTIAL_HOST_BINDING). */
  allowedHosts: string[];
  createdAt: Date;
  updatedAt: Date;
  createdBy: string | null;
  updatedBy: string | null;
};
