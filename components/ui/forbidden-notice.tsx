import { Card } from "@/components/ui/card";

export function ForbiddenNotice({ role, action }: { role: string; action: string }) {
  return (
    <Card role="alert">
      <h1 className="text-lg font-semibold">403 — Not allowed</h1>
      <p className="mt-1 text-slate-600">
        Your role ({role}) may not do {action}. Ask an admin if you need access.
      </p>
    </Card>
  );
}
