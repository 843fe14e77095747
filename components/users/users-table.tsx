import type { FormAction } from "@/components/forms/action-state";
import { ApiTokenForm, type CreatedToken } from "@/components/users/api-token-form";
import { UserDisabledForm } from "@/components/users/user-disabled-form";
import { UserRoleForm } from "@/components/users/user-role-form";
import { StatusBadge } from "@/components/ui/status-badge";

type UserRow = { id: string; email: string; name: string; role: string; disabled: boolean };
type UsersTableProps = {
  users: UserRow[];
  actorId: string;
  actions: { updateRole: FormAction; setDisabled: FormAction; createToken: FormAction<CreatedToken> };
};

export function UsersTable({ users, actorId, actions }: UsersTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left align-top">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase">
          <tr>
            <th className="px-4 py-2 font-medium">Email</th>
            <th className="px-4 py-2 font-medium">Name</th>
            <th className="px-4 py-2 font-medium">Role</th>
            <th className="px-4 py-2 font-medium">Status</th>
            <th className="px-4 py-2 font-medium">API</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            <tr key={user.id} data-testid={`user-${user.email}`} className="align-top">
              <td className="px-4 py-2 font-medium">
                {user.email}
                {user.id === actorId ? <span className="ml-2 text-xs text-slate-500">(you)</span> : null}
              </td>
              <td className="px-4 py-2">{user.name}</td>
              <td className="px-4 py-2">
                <UserRoleForm userId={user.id} email={user.email} role={user.role} action={actions.updateRole} />
              </td>
              <td className="px-4 py-2">
                <div className="flex items-start gap-2">
                  <StatusBadge status={user.disabled ? "disabled" : "active"} />
                  <UserDisabledForm userId={user.id} disabled={user.disabled} isSelf={user.id === actorId} action={actions.setDisabled} />
                </div>
              </td>
              <td className="px-4 py-2">
                <ApiTokenForm userId={user.id} email={user.email} action={actions.createToken} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
