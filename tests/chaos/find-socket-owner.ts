import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/**
 * Which of `pids` holds the TCP connection whose local port is `port`
 * (Linux /proc), so the fake provider can name the worker process that sent
 * a request. Null elsewhere, or when the connection is already gone.
 */
export function findSocketOwner(port: number, pids: readonly number[]): number | null {
  const inodes = new Set([...socketInodes("/proc/net/tcp", port), ...socketInodes("/proc/net/tcp6", port)]);
  if (inodes.size === 0) return null;
  for (const pid of pids) {
    for (const fd of listFds(pid)) {
      const target = readLink(`/proc/${pid}/fd/${fd}`);
      const inode = target && /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return pid;
    }
  }
  return null;
}

/** Inodes of sockets whose local address has `port`; columns: sl local rem st … inode (10th). */
function socketInodes(table: string, port: number): string[] {
  let text: string;
  try {
    text = readFileSync(table, "utf8");
  } catch {
    return [];
  }
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  return text
    .split("\n")
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns[1]?.endsWith(`:${hexPort}`))
    .map((columns) => columns[9] ?? "")
    .filter((inode) => inode !== "" && inode !== "0");
}

function listFds(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
}

function readLink(file: string): string | null {
  try {
    return readlinkSync(file);
  } catch {
    return null;
  }
}
