"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postRunAction } from "@/components/runs/post-run-action";
import { Button } from "@/components/ui/button";

type ConnectorPauseButtonProps = { connectorKey: string; paused: boolean; allowed: boolean };

/** Pause or resume one connector, after a confirmation that says what happens to the calls waiting on it. */
export function ConnectorPauseButton({ connectorKey, paused, allowed }: ConnectorPauseButtonProps) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const action = paused ? "resume" : "pause";
  const question = paused
    ? `Resume ${connectorKey}? Steps waiting on it start their calls again within a minute.`
    : `Pause ${connectorKey}? Every call to it is held (nothing is sent, no attempt is used) until it is resumed.`;

  async function toggle() {
    if (!window.confirm(question)) return;
    setPending(true);
    const result = await postRunAction(`/api/v1/connectors/${encodeURIComponent(connectorKey)}/${action}`);
    setPending(false);
    if (result.ok) router.refresh();
    else setError(result.message);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" disabled={!allowed || pending} title={allowed ? undefined : "Your role may not pause or resume connectors"} onClick={toggle} data-testid={`connector-${action}-${connectorKey}`}>
        {paused ? "Resume" : "Pause"}
      </Button>
      {error ? <span className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
