// A type-only import: the verifiers' node:crypto stays out of the browser bundle.
import type { SignatureScheme } from "@/lib/webhooks/signature-schemes";

/** How the editor describes each scheme; the shared secret is labelled as the weakest. Apart from the verifiers so the browser editor can show them. */
export const SIGNATURE_SCHEME_LABELS: Record<SignatureScheme, { label: string; warning?: string }> = {
  "hmac-sha256": { label: "HMAC-SHA256 of the body (header)" },
  "standard-webhooks": { label: "Standard Webhooks (webhook-id, -timestamp, -signature)" },
  stripe: { label: "Stripe-style (t=…,v1=…)" },
  github: { label: "GitHub (X-Hub-Signature-256)" },
  "shared-secret": {
    label: "Shared secret in a header or query (weakest)",
    warning: "The secret itself travels with every request and does not protect the body; use a signature scheme when the sender offers one.",
  },
};
