// Runs once when a Next.js server starts, before it serves a request.
export async function register() {
  // The edge runtime has no vault and no node:crypto; only the Node.js server checks.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stopWithoutMasterKeys } = await import("@/lib/credentials/stop-without-master-keys");
  stopWithoutMasterKeys((message) => console.error(message));
}
