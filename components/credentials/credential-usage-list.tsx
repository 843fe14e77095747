import Link from "next/link";
import type { CredentialUsage } from "@/lib/credentials/find-credential-usage";

export function CredentialUsageList({ usage }: { usage: CredentialUsage[] }) {
  if (usage.length === 0) return <p className="text-slate-600" data-testid="credential-usage">No flow refers to this name.</p>;
  return (
    <ul className="space-y-1" data-testid="credential-usage">
      {usage.map((flow) => (
        <li key={flow.flowId} data-testid={`usage-flow-${flow.flowId}`}>
          <Link href={`/flows/${flow.flowId}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
            {flow.flowName}
          </Link>{" "}
          <span className="text-sm text-slate-600">
            {[flow.published ? `published v${flow.published.number} (runs in ${flow.published.environment})` : null, flow.inDraft ? "draft" : null]
              .filter(Boolean)
              .join(", ")}
          </span>
        </li>
      ))}
    </ul>
  );
}
