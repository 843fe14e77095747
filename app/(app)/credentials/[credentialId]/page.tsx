import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { can } from "@/lib/auth/permissions";
import { loadOrNotFound } from "@/app/(app)/load-or-not-found";
import { findCredentialUsage } from "@/lib/credentials/find-credential-usage";
import { getCredentialOrThrow } from "@/lib/credentials/get-credential-or-throw";
import { ConnectionTestForm } from "@/components/credentials/connection-test-form";
import { CredentialSummary } from "@/components/credentials/credential-summary";
import { CredentialUsageList } from "@/components/credentials/credential-usage-list";
import { DeleteCredentialForm } from "@/components/credentials/delete-credential-form";
import { describeCredentialTypes } from "@/components/credentials/describe-credential-types";
import { EditCredentialForm } from "@/components/credentials/edit-credential-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { checkConnectionAction, deleteCredentialAction, updateCredentialAction } from "../actions";

export const metadata: Metadata = { title: "Credential · Flowgate" };
export const dynamic = "force-dynamic";

type CredentialPageProps = { params: Promise<{ credentialId: string }> };

export default async function CredentialPage({ params }: CredentialPageProps) {
  const actor = await requirePagePermission("credentials.read");

  const { credentialId } = await params;
  const credential = await loadOrNotFound(credentialId, getCredentialOrThrow);
  const usage = await findCredentialUsage(credential.name);
  const type = describeCredentialTypes().find((candidate) => candidate.type === credential.type);
  const canWrite = can(actor.role, "credentials.write");

  return (
    <>
      <PageHeader title={credential.name} description={`${type?.label ?? credential.type} · ${credential.environment}`} />
      <div className="space-y-6">
        <Card>
          <CredentialSummary credential={credential} typeLabel={type?.label ?? credential.type} hostBinding={type?.hostBinding} />
        </Card>

        <Card>
          <h2 className="mb-2 font-semibold">Used by</h2>
          <CredentialUsageList usage={usage} />
        </Card>

        {canWrite && type ? (
          <>
            <Card>
              <h2 className="mb-1 font-semibold">Change</h2>
              <p className="mb-3 text-sm text-slate-600">Type only what changes. A new secret or host list is used from the next outbound call on.</p>
              <EditCredentialForm credentialId={credential.id} type={type} allowedHosts={credential.allowedHosts} action={updateCredentialAction} />
            </Card>
            <Card>
              <h2 className="mb-2 font-semibold">Test connection</h2>
              <ConnectionTestForm credentialId={credential.id} needsUrl={credential.type !== "oauth2-client-credentials"} action={checkConnectionAction} />
            </Card>
            <Card>
              <h2 className="mb-2 font-semibold">Delete</h2>
              <DeleteCredentialForm credentialId={credential.id} name={credential.name} environment={credential.environment} action={deleteCredentialAction} />
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}
