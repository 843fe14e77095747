import type { ReactNode } from "react";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { can, type Action } from "@/lib/auth/permissions";
import { AppShell } from "@/components/layout/app-shell";

export const dynamic = "force-dynamic";

// A section shows in the navigation only to roles that may open it.
const SECTIONS: ReadonlyArray<{ href: string; label: string; permission: Action }> = [
  { href: "/", label: "Dashboard", permission: "queue.read" },
  { href: "/flows", label: "Flows", permission: "flows.read" },
  { href: "/runs", label: "Runs", permission: "runs.read" },
  { href: "/attention", label: "Attention", permission: "runs.read" },
  { href: "/replays", label: "Replays", permission: "runs.read" },
  { href: "/connectors", label: "Connectors", permission: "queue.read" },
  { href: "/alerts", label: "Alerts", permission: "alerts.read" },
  { href: "/credentials", label: "Credentials", permission: "credentials.read" },
  { href: "/users", label: "Users", permission: "users.manage" },
  { href: "/audit", label: "Audit", permission: "audit.read" },
  { href: "/settings", label: "Settings", permission: "settings.manage" },
];

// Layouts are not re-rendered on client-side navigation, so this check is
// only the first gate: every page below checks the actor again itself.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  return (
    <AppShell email={actor.email} role={actor.role} nav={SECTIONS.filter((section) => can(actor.role, section.permission))}>
      {children}
    </AppShell>
  );
}
