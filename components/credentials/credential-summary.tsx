import type { CredentialMask } from "@/lib/credentials/schema";
import type { CredentialTypeForm } from "@/components/credentials/credential-form-types";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";

type CredentialSummaryProps = { credential: CredentialMask; typeLabel: string; hostBinding?: CredentialTypeForm["hostBinding"] };

/** The mask: all the vault shows of a saved credential. */
export function CredentialSummary({ credential, typeLabel, hostBinding }: CredentialSummaryProps) {
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm md:grid-cols-[max-content_1fr]">
      <dt className="text-slate-500">Secret</dt>
      <dd className="font-mono" data-testid="credential-hint">
        {credential.hint}
      </dd>
      <dt className="text-slate-500">Environment</dt>
      <dd data-testid="credential-environment">
        <StatusBadge status={credential.environment} />
      </dd>
      <dt className="text-slate-500">Type</dt>
      <dd>{typeLabel}</dd>
      <dt className="text-slate-500">Allowed hosts</dt>
      <dd data-testid="credential-allowed-hosts">
        <AllowedHosts hosts={credential.allowedHosts} binding={hostBinding} />
      </dd>
      <dt className="text-slate-500">Created</dt>
      <dd>
        <DateTime value={credential.createdAt} /> {credential.createdBy ? `by ${credential.createdBy}` : null}
      </dd>
      <dt className="text-slate-500">Last changed</dt>
      <dd>
        <DateTime value={credential.updatedAt} /> {credential.updatedBy ? `by ${credential.updatedBy}` : null}
      </dd>
    </dl>
  );
}

function AllowedHosts({ hosts, binding }: { hosts: string[]; binding?: CredentialTypeForm["hostBinding"] }) {
  if (binding === "own-url") return <>only the host of its own URL</>;
  if (binding === "own-host") return <>only its own server (the host in its fields)</>;
  if (binding === "never-sent") return <>none: it verifies incoming webhooks and is never sent</>;
  // Rows from before allowed hosts existed: refused until an admin lists them, and the page says so.
  if (hosts.length === 0) return <span className="text-amber-700">none set: calls with this credential are refused until an admin lists its hosts</span>;
  return <span className="font-mono">{hosts.join(", ")}</span>;
}
