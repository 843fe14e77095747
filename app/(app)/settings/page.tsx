import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { getOutboundAllowList } from "@/lib/settings/get-outbound-allow-list";
import { getTrustedProxies } from "@/lib/settings/get-trusted-proxies";
import { OutboundAllowListForm } from "@/components/settings/outbound-allow-list-form";
import { TrustedProxiesForm } from "@/components/settings/trusted-proxies-form";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { updateOutboundAllowListAction, updateTrustedProxiesAction } from "./actions";

export const metadata: Metadata = { title: "Settings · Flowgate" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  await requirePagePermission("settings.manage");

  const [{ entries, environmentEntries, updatedAt }, trustedProxies] = await Promise.all([getOutboundAllowList(), getTrustedProxies()]);
  return (
    <>
      <PageHeader title="Settings" description="Changes are audited. Workers pick them up within a few seconds." />
      <Card className="space-y-4">
        <div>
          <h2 className="font-semibold">Outbound allow-list</h2>
          <p className="mt-1 text-sm text-slate-600">
            Flows may call public addresses only. Calls to loopback, private, link-local, cloud metadata and other
            special addresses are refused unless they are listed here: an IP address (<code>10.1.2.3</code>), a CIDR
            range (<code>10.0.0.0/8</code>, <code>fd00::/8</code>), a host name (<code>crm.internal</code>) or all
            subdomains of one (<code>*.corp.example</code>). A listed host name may resolve to any address.
          </p>
        </div>
        <div>
          <h3 className="text-sm font-medium text-slate-700">From the environment (OUTBOUND_ALLOWLIST)</h3>
          {environmentEntries.length ? (
            <ul className="mt-1 flex flex-wrap gap-2" aria-label="Allow-list entries from the environment">
              {environmentEntries.map((entry) => (
                <li key={entry} className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs">
                  {entry}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-slate-500">None.</p>
          )}
        </div>
        <OutboundAllowListForm entries={entries} action={updateOutboundAllowListAction} />
        <p className="text-xs text-slate-500">
          Last changed: <DateTime value={updatedAt} />
        </p>
      </Card>
      <Card className="mt-6 space-y-3">
        <div>
          <h2 className="font-semibold">Client addresses</h2>
          <p className="mt-1 text-sm text-slate-600">
            How many reverse proxies (load balancer, ingress) sit in front of Flowgate and append to{" "}
            <code>X-Forwarded-For</code>. The client&apos;s address is taken that many entries from the right; entries further
            left come from the client and could be forged. It is what the per-IP sign-in limit counts and the audit log shows.
          </p>
        </div>
        <TrustedProxiesForm trustedProxies={trustedProxies} action={updateTrustedProxiesAction} />
      </Card>
    </>
  );
}
