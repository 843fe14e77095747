import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { listApiTokens } from "@/lib/auth/list-api-tokens";
import { listUsers } from "@/lib/users/list-users";
import { ApiTokensTable } from "@/components/users/api-tokens-table";
import { CreateApiTokenForm } from "@/components/users/create-api-token-form";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable } from "@/components/users/users-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import {
  createApiTokenAction,
  createUserAction,
  resetUserPasswordAction,
  revokeApiTokenAction,
  setUserDisabledAction,
  updateUserRoleAction,
} from "./actions";

export const metadata: Metadata = { title: "Users · Flowgate" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const actor = await requirePagePermission("users.manage");

  const [users, tokens] = await Promise.all([listUsers(), listApiTokens()]);
  return (
    <>
      <PageHeader title="Users" description="Roles take effect on the user's next request; disabled users and their tokens are shut out at once." />
      <div className="space-y-6">
        <UsersTable
          users={users}
          actorId={actor.userId}
          actions={{ updateRole: updateUserRoleAction, setDisabled: setUserDisabledAction, resetPassword: resetUserPasswordAction }}
        />
        <Card>
          <h2 className="mb-3 font-semibold">Create user</h2>
          <CreateUserForm action={createUserAction} />
        </Card>
        <section className="space-y-3" aria-labelledby="api-tokens-heading">
          <h2 id="api-tokens-heading" className="font-semibold">
            API tokens
          </h2>
          <p className="text-slate-600">A token acts with its own role, and never beyond what its owner's current role allows.</p>
          <ApiTokensTable tokens={tokens} revoke={revokeApiTokenAction} />
          <Card>
            <h3 className="mb-3 font-semibold">Create API token</h3>
            <CreateApiTokenForm owners={users.filter((user) => !user.disabled).map(({ id, email }) => ({ id, email }))} action={createApiTokenAction} />
          </Card>
        </section>
      </div>
    </>
  );
}
