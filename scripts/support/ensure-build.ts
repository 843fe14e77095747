import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib"];
const SOURCE_FILES = ["instrumentation.ts", "next.config.mjs", "package.json", "postcss.config.mjs", "tsconfig.json"];

/** Runs `next build` when there is no build yet or a source file changed since the last one. */
export function ensureBuild(env: NodeJS.ProcessEnv): void {
  const buildId = path.join(".next", "BUILD_ID");
  if (existsSync(buildId) && newestSource() <= statSync(buildId).mtimeMs) return;
  console.log("Building the web app (next build)…");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env });
  if (result.status !== 0) throw new Error("next build failed; see the output above");
}

function newestSource(): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stats = statSync(entry);
    if (stats.isDirectory()) {
      for (const child of readdirSync(entry)) if (child !== "generated") visit(path.join(entry, child));
    } else newest = Math.max(newest, stats.mtimeMs);
  };
  for (const entry of [...SOURCE_DIRS, ...SOURCE_FILES]) if (existsSync(entry)) visit(entry);
  return newest;
}
