import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { childEnvironment } from "~/server/settings";

const SOURCES = ["app", "server", "db", "inngest", "public", "next.config.mjs", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

function newestModification(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestModification(path.join(entry, child)));
  return newest;
}

/** Builds the Next.js app when there is no build yet or a source changed since the last one. */
export function buildIfStale(root: string, log: (line: string) => void): void {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((s) => newestModification(path.join(root, s))));
  if (built > changed) return;
  log(built ? "Sources changed since the last build; rebuilding the web app…" : "Building the web app (first start)…");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: childEnvironment({ NEXT_TELEMETRY_DISABLED: "1" }),
  });
  if (result.status !== 0) throw new Error("The web app failed to build (see the output above).");
}
