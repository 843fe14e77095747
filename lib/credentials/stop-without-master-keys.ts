import { checkMasterKeys } from "@/lib/credentials/check-master-keys";

/**
 * Startup gate of the web server and the worker: reports why and exits when
 * FLOWGATE_MASTER_KEYS is malformed, or missing in production. (Next only
 * logs a failing instrumentation hook and keeps listening, answering every
 * request with an error; exiting makes the orchestrator show the cause.)
 */
export function stopWithoutMasterKeys(report: (message: string) => void): void {
  try {
    checkMasterKeys();
  } catch (error) {
    report(`Flowgate cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
