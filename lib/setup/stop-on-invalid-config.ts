import { checkMasterKeys } from "@/lib/credentials/check-master-keys";
import { environmentEntries } from "@/lib/settings/get-outbound-allow-list";

/**
 * Startup gate of the web server and the worker: reports why and exits when
 * a setting env.mjs cannot check on its own is wrong: FLOWGATE_MASTER_KEYS
 * malformed (or missing in production), an OUTBOUND_ALLOWLIST entry
 * malformed (otherwise every outbound call would fail at run time instead).
 * Next only logs a failing instrumentation hook and keeps listening,
 * answering every request with an error; exiting makes the orchestrator
 * show the cause.
 */
export function stopOnInvalidConfig(report: (message: string) => void): void {
  try {
    checkMasterKeys();
    environmentEntries();
  } catch (error) {
    report(`Flowgate cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
