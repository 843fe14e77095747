import type { FormAction } from "@/components/forms/action-state";
import type { ApiTokenListing } from "@/lib/auth/list-api-tokens";
import { RevokeTokenForm } from "@/components/users/revoke-token-form";
import { Cell, DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { StatusBadge } from "@/components/ui/status-badge";

type ApiTokensTableProps = { tokens: ApiTokenListing[]; revoke: FormAction };

export function ApiTokensTable({ tokens, revoke }: ApiTokensTableProps) {
  if (tokens.length === 0) return <p className="text-slate-600">No API tokens yet.</p>;
  return (
    <DataTable columns={["Name", "Prefix", "Role", "Owner", "Created", "Expires", "Last used", "Status", ""]}>
      {tokens.map((token) => (
        <tr key={token.id} data-testid={`token-${token.id}`} className="align-top">
          <Cell className="font-medium">{token.name}</Cell>
          <Cell>
            <code className="font-mono text-xs">{token.prefix}…</code>
          </Cell>
          <Cell>{token.role}</Cell>
          <Cell>
            {token.owner.email} <span className="text-xs text-slate-500">({token.owner.role})</span>
          </Cell>
          <Cell>
            <DateTime value={token.createdAt} />
          </Cell>
          <Cell>{token.expiresAt ? <DateTime value={token.expiresAt} /> : "never"}</Cell>
          <Cell>{token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : "never"}</Cell>
          <Cell>
            <StatusBadge status={token.status} />
          </Cell>
          <Cell>{token.status === "revoked" ? null : <RevokeTokenForm tokenId={token.id} name={token.name} action={revoke} />}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}
