import { spawn, type ChildProcess } from "node:child_process";

export type ManagedProcess = { name: string; child: ChildProcess; exited: Promise<number | null> };

/**
 * Starts a child in its own process group so that stopping it also stops
 * whatever it forks (next start leaves an orphaned next-server otherwise).
 */
export function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ManagedProcess {
  const child = spawn(command, args, { env, stdio: "inherit", detached: true });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { name, child, exited };
}

/** SIGTERM to the whole group, SIGKILL if it has not exited in time. */
export async function stopProcess(managed: ManagedProcess, timeoutMs: number): Promise<void> {
  const { child, exited } = managed;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  signalGroup(child.pid, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), timeoutMs);
  await exited;
  clearTimeout(timer);
  // The group leader may exit before its children; sweep the group.
  signalGroup(child.pid, "SIGKILL");
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone: nothing to stop.
  }
}
