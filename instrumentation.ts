// Runs once when a Next.js server starts, before it serves a request.
export async function register() {
  // The edge runtime has no vault and no node:crypto; only the Node.js server checks.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stopOnInvalidConfig } = await import("@/lib/setup/stop-on-invalid-config");
  stopOnInvalidConfig((message) => console.error(message));
}
