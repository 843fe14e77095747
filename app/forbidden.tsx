import Link from "next/link";
import { Card } from "@/components/ui/card";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <Card role="alert">
        <h1 className="text-lg font-semibold">403 — Not allowed</h1>
        <p className="mt-1 text-slate-600">
          Your role may not open this page. Ask an admin if you need access. <Link href="/flows" className="underline">Back to flows</Link>
        </p>
      </Card>
    </main>
  );
}
