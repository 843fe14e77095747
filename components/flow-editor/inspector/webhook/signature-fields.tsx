"use client";

import { SIGNATURE_SCHEMES } from "@/lib/flows/schema";
import { SIGNATURE_SCHEME_LABELS } from "@/lib/webhooks/signature-scheme-labels";
import { SchemaFields } from "@/components/flow-editor/inspector/fields/schema-fields";
import { asRecord } from "@/components/flow-editor/inspector/model/config-path";
import { fieldOfKind } from "@/components/flow-editor/inspector/model/fields-of-kind";
import { LinkButton } from "@/components/flow-editor/inspector/fields/field-row";
import { IssueMessages } from "@/components/flow-editor/inspector/fields/issue-messages";

type Scheme = (typeof SIGNATURE_SCHEMES)[number];

/** The optional settings each scheme reads; the rest would only confuse (an encoding means nothing to GitHub's fixed format). */
const SCHEME_FIELDS: Record<Scheme, readonly string[]> = {
  "hmac-sha256": ["header", "encoding"],
  "standard-webhooks": [],
  stripe: ["header"],
  github: ["header"],
  "shared-secret": ["header", "queryParam"],
};
const ALWAYS = ["scheme", "credentialRef"];

function isScheme(value: unknown): value is Scheme {
  return typeof value === "string" && (SIGNATURE_SCHEMES as readonly string[]).includes(value);
}

/** Signature verification (R3): scheme, signing-secret credential and the scheme's own settings; absent means unsigned. */
export function SignatureFields({ signature, onChange }: { signature: unknown; onChange: (signature: unknown) => void }) {
  const control = fieldOfKind("webhook-trigger", "signature").control;
  const fields = control.type === "object" ? control.fields : [];
  if (signature === undefined) {
    return (
      <div className="space-y-1">
        <p className="text-xs text-amber-700">Unsigned: anyone who learns the URL can start runs. Publishing needs a signature scheme, unless an admin allowed unsigned webhooks for this flow.</p>
        <LinkButton data-testid="webhook-signature-add" onClick={() => onChange({ scheme: "hmac-sha256" })}>
          + Verify signatures
        </LinkButton>
        <IssueMessages path="config.signature" />
      </div>
    );
  }
  if (typeof signature === "string") {
    // Pages get definitions with secret-like keys masked, and "signature" is one; the save restores the stored value.
    return (
      <div className="space-y-1">
        <p data-testid="webhook-signature-masked" className="text-xs text-slate-600">The signature settings are hidden on this page and kept as they are when the flow is saved.</p>
        <LinkButton data-testid="webhook-signature-replace" onClick={() => onChange({ scheme: "hmac-sha256" })}>
          Replace them
        </LinkButton>
      </div>
    );
  }
  const record = asRecord(signature);
  const scheme = isScheme(record.scheme) ? record.scheme : undefined;
  const shown = scheme === undefined ? [...ALWAYS, "header", "encoding", "queryParam"] : [...ALWAYS, ...SCHEME_FIELDS[scheme]];
  const change = (next: Record<string, unknown>) => {
    // A new scheme starts from its own defaults: a header override kept from another scheme
    // (X-Signature carried over to GitHub) would make every genuine request fail verification.
    if (next.scheme === scheme) return onChange(next);
    onChange(Object.fromEntries(Object.entries(next).filter(([key]) => ALWAYS.includes(key))));
  };
  return (
    <div className="space-y-2">
      <SchemaFields fields={fields} value={record} path={["signature"]} omit={fields.map((field) => field.key).filter((key) => !shown.includes(key))} onChange={change} />
      {scheme === undefined ? null : (
        <p className="text-xs text-slate-600" data-testid="webhook-signature-label">
          {SIGNATURE_SCHEME_LABELS[scheme].label}
          {SIGNATURE_SCHEME_LABELS[scheme].warning ? <span className="block text-amber-700">{SIGNATURE_SCHEME_LABELS[scheme].warning}</span> : null}
        </p>
      )}
      <LinkButton data-testid="webhook-signature-remove" onClick={() => onChange(undefined)}>
        Remove signature check
      </LinkButton>
    </div>
  );
}
