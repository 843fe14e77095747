// `npm run flow -- export <flowId|name> <file>` / `npm run flow -- import <file> [--into <flowId|name>]`:
// flows as files, for keeping them in git. Export writes the draft (masked:
// secrets stay in credentials); import creates a new flow, or with --into
// replaces that flow's draft (its masked values keep the stored ones).
// Changes are audited with the actor "cli". Uses DATABASE_URL when set;
// otherwise the embedded PostgreSQL of `npm start` (stop `npm start` first).
// Exit codes: 0 done, 1 refused or failed (the message says why), 2 usage.
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const USAGE = "usage: npm run flow -- export <flowId|name> <file>\n       npm run flow -- import <file> [--into <flowId|name>]";

class UsageError extends Error {}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const isExport = command === "export" && rest.length === 2;
  const isImport = command === "import" && (rest.length === 1 || (rest.length === 3 && rest[1] === "--into"));
  if (!isExport && !isImport) throw new UsageError(USAGE);
  // Imported here so an invalid setting is reported like any other failure below.
  const { env } = await import("@/lib/env.mjs");
  if (!env.DATABASE_URL) return runOnEmbeddedDatabase(env.DATA_DIR, env.EMBEDDED_PG_PORT);
  return isExport ? exportCommand(rest[0]!, rest[1]!) : importCommand(rest[0]!, rest[2]);
}

async function exportCommand(ref: string, file: string): Promise<number> {
  const { resolveFlowRef } = await import("@/lib/flows/resolve-flow-ref");
  const { exportFlow } = await import("@/lib/flows/export-flow");
  const exported = await exportFlow(await resolveFlowRef(ref));
  await writeFile(file, `${JSON.stringify(exported, null, 2)}\n`);
  console.log(`Exported "${exported.name}" (${exported.definition.nodes.length} nodes) to ${file}`);
  return 0;
}

async function importCommand(file: string, into: string | undefined): Promise<number> {
  const { CLI_ACTOR } = await import("@/lib/audit/acting-user");
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new Error(`${file} is not a readable JSON file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = into === undefined
    ? await (await import("@/lib/flows/import-flow")).importFlow({ actor: CLI_ACTOR, file: raw })
    : await (await import("@/lib/flows/import-into-flow")).importIntoFlow({ actor: CLI_ACTOR, file: raw, flowId: await (await import("@/lib/flows/resolve-flow-ref")).resolveFlowRef(into) });
  const { flow, problems } = result;
  console.log(into === undefined ? `Created flow "${flow.name}" (${flow.id}) from ${file}` : `Replaced the draft of "${flow.name}" (${flow.id}), now revision ${flow.draftRevision}`);
  if (problems.length > 0) console.log(`Saved as a draft; publishing would refuse it until these are fixed:\n${problems.map((problem) => `  ${problem.message}`).join("\n")}`);
  return 0;
}

/** Starts the embedded database for the length of the command and runs this script again against it. */
async function runOnEmbeddedDatabase(dataDir: string, port: number): Promise<number> {
  const { startEmbeddedPostgres } = await import("./support/embedded-db");
  const embedded = await startEmbeddedPostgres({ dataDir: path.resolve(dataDir, "pg"), port });
  try {
    const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, DATABASE_URL: embedded.urlFor("flowgate") } });
    return await new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  } finally {
    await embedded.stop();
  }
}

async function describeFailure(error: unknown): Promise<string> {
  const { AppError } = await import("@/lib/errors");
  if (!(error instanceof AppError)) return error instanceof Error ? error.message : String(error);
  const problems = (error.details as { problems?: Array<{ path: string; message: string }> } | undefined)?.problems;
  return problems ? `${error.message.split(":")[0]}:\n${problems.map((problem) => `  ${problem.path || "(file)"}: ${problem.message}`).join("\n")}` : error.message;
}

// Explicit exits: pools that linger would otherwise keep the process alive.
main(process.argv.slice(2).filter((arg) => arg !== "--")).then(
  (code) => process.exit(code),
  async (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(`flow: ${await describeFailure(error)}`);
    process.exit(1);
  },
);
