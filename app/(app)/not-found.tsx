import Link from "next/link";
import { Card } from "@/components/ui/card";

export default function AppNotFound() {
  return (
    <Card>
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-1 text-slate-600">
        Nothing lives at this address. <Link href="/flows" className="underline">Back to flows</Link>
      </p>
    </Card>
  );
}
