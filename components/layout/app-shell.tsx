import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavLink } from "@/components/layout/nav-link";

export type NavItem = { href: string; label: string };

type AppShellProps = { email: string; role: string; nav: readonly NavItem[]; children: ReactNode };

export function AppShell({ email, role, nav, children }: AppShellProps) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
          <Link href="/flows" className="text-base font-semibold tracking-tight">
            Flowgate
          </Link>
          <nav aria-label="Main" className="flex items-center gap-1">
            {nav.map((item) => (
              <NavLink key={item.href} href={item.href}>
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <span className="text-slate-600" data-testid="current-user">
              {email} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{role}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      {/* The flow editor needs the whole width; it marks itself and the column widens. */}
      <main className="mx-auto max-w-6xl px-4 py-6 has-[[data-flow-editor]]:max-w-none has-[[data-flow-editor]]:py-3">{children}</main>
    </div>
  );
}
