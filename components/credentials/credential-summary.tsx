import type { CredentialMask } from "@/lib/credentials/schema";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";

/** The mask: all the vault shows of a saved credential. */
export function CredentialSummary({ credential, typeLabel }: { credential: CredentialMask; typeLabel: string }) {
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
