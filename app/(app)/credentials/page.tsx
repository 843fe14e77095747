import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { can } from "@/lib/auth/permissions";
import { listCredentials } from "@/lib/credentials/list-credentials";
import { ENVIRONMENTS, listCredentialsQuerySchema } from "@/lib/credentials/schema";
import { CredentialsTable } from "@/components/credentials/credentials-table";
import { EnvironmentFilter } from "@/components/credentials/environment-filter";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Credentials · Flowgate" };
export const dynamic = "force-dynamic";

type CredentialsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CredentialsPage({ searchParams }: CredentialsPageProps) {
  const actor = await requirePagePermission("credentials.read");

  // A hand-edited ?environment= that names nothing shows every credential rather than an error.
  const { environment } = await searchParams;
  const query = listCredentialsQuerySchema.safeParse({ environment }).data ?? {};
  const credentials = await listCredentials(query);
  return (
    <>
      <PageHeader
        title="Credentials"
        description="Flows refer to a credential by name; each environment has its own. Secrets are write-only: after saving, only their last characters are shown."
        actions={
          can(actor.role, "credentials.write") ? (
            <Link href="/credentials/new" className={buttonClasses()}>
              New credential
            </Link>
          ) : null
        }
      />
      <div className="mb-4">
        <EnvironmentFilter environments={ENVIRONMENTS} current={query.environment} />
      </div>
      <CredentialsTable credentials={credentials} />
    </>
  );
}
