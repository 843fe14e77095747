import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { listUsers } from "@/lib/users/list-users";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable } from "@/components/users/users-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { createApiTokenAction, createUserAction, setUserDisabledAction, updateUserRoleAction } from "./actions";

export const metadata: Metadata = { title: "Users · Flowgate" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const actor = await requirePagePermission("users.manage");

  const users = await listUsers();
  return (
    <>
      <PageHeader title="Users" description="Roles take effect on the user's next request; disabled users are signed out at once." />
      <div className="space-y-6">
        <UsersTable
          users={users}
          actorId={actor.userId}
          actions={{ updateRole: updateUserRoleAction, setDisabled: setUserDisabledAction, createToken: createApiTokenAction }}
        />
        <Card>
          <h2 className="mb-3 font-semibold">Create user</h2>
          <CreateUserForm action={createUserAction} />
        </Card>
      </div>
    </>
  );
}
