import type { ReactNode } from "react";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { can } from "@/lib/auth/permissions";
import { AppShell } from "@/components/layout/app-shell";

export const dynamic = "force-dynamic";

// Layouts are not re-rendered on client-side navigation, so this check is
// only the first gate: every page below checks the actor again itself.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  return (
    <AppShell email={actor.email} role={actor.role} showUsers={can(actor.role, "users.manage")}>
      {children}
    </AppShell>
  );
}
