import type { FormAction } from "@/components/forms/action-state";
import { UserDisabledForm } from "@/components/users/user-disabled-form";
import { UserPasswordForm } from "@/components/users/user-password-form";
import { UserRoleForm } from "@/components/users/user-role-form";
import { StatusBadge } from "@/components/ui/status-badge";
import { Cell, DataTable } from "@/components/ui/data-table";

type UserRow = { id: string; email: string; name: string; role: string; disabled: boolean };
type UsersTableProps = {
  users: UserRow[];
  actorId: string;
  actions: { updateRole: FormAction; setDisabled: FormAction; resetPassword: FormAction };
};

export function UsersTable({ users, actorId, actions }: UsersTableProps) {
  return (
    <DataTable columns={["Email", "Name", "Role", "Status", "Password"]}>
      {users.map((user) => (
        <tr key={user.id} data-testid={`user-${user.email}`} className="align-top">
          <Cell className="font-medium">
            {user.email}
            {user.id === actorId ? <span className="ml-2 text-xs text-slate-500">(you)</span> : null}
          </Cell>
          <Cell>{user.name}</Cell>
          <Cell>
            <UserRoleForm userId={user.id} email={user.email} role={user.role} action={actions.updateRole} />
          </Cell>
          <Cell>
            <div className="flex items-start gap-2">
              <StatusBadge status={user.disabled ? "disabled" : "active"} />
              <UserDisabledForm userId={user.id} disabled={user.disabled} isSelf={user.id === actorId} action={actions.setDisabled} />
            </div>
          </Cell>
          <Cell>
            <UserPasswordForm userId={user.id} email={user.email} action={actions.resetPassword} />
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}
