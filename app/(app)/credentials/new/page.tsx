import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { ENVIRONMENTS } from "@/lib/credentials/schema";
import { CreateCredentialForm } from "@/components/credentials/create-credential-form";
import { describeCredentialTypes } from "@/components/credentials/describe-credential-types";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { createCredentialAction } from "../actions";

export const metadata: Metadata = { title: "New credential · Flowgate" };
export const dynamic = "force-dynamic";

export default async function NewCredentialPage() {
  await requirePagePermission("credentials.write");
  return (
    <>
      <PageHeader title="New credential" description="Encrypted with the master key when saved; nobody can read it back afterwards, only replace it." />
      <Card>
        <CreateCredentialForm types={describeCredentialTypes()} environments={ENVIRONMENTS} action={createCredentialAction} />
      </Card>
    </>
  );
}
