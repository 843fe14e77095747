import Link from "next/link";
import type { CredentialMask } from "@/lib/credentials/schema";
import { Cell, DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";

export function CredentialsTable({ credentials }: { credentials: CredentialMask[] }) {
  if (credentials.length === 0) return <p className="text-slate-600">No credentials yet.</p>;
  return (
    <DataTable columns={["Name", "Environment", "Type", "Secret", "Updated"]}>
      {credentials.map((credential) => (
        <tr key={credential.id} data-testid={`credential-${credential.name}-${credential.environment}`}>
          <Cell>
            <Link href={`/credentials/${credential.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
              {credential.name}
            </Link>
          </Cell>
          <Cell>
            <StatusBadge status={credential.environment} />
          </Cell>
          <Cell className="text-slate-700">{credential.type}</Cell>
          <Cell className="font-mono text-xs">{credential.hint}</Cell>
          <Cell className="text-slate-600">
            <DateTime value={credential.updatedAt} />
            {credential.updatedBy ? <span className="block text-xs">{credential.updatedBy}</span> : null}
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}
