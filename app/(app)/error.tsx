"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

// The server logged the real error; the digest is what lets an admin find that log line.
export default function AppErrorBoundary({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <Card role="alert">
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="mt-1 text-slate-600">
        The page could not be loaded.
        {digest ? (
          <>
            {" "}
            Reference: <code className="font-mono">{digest}</code>.
          </>
        ) : null}
      </p>
      <Button variant="secondary" className="mt-3" onClick={retry}>
        Try again
      </Button>
    </Card>
  );
}
