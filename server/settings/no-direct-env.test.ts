import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { directEnvReads } from "./env-reads";

const root = path.resolve(import.meta.dirname, "../..");
const FOLDERS = ["app", "server", "inngest", "db"];

/**
 * Allowed to read the environment: the settings module itself, and test support that only tests run.
 */
const EXEMPT: RegExp[] = [/^server\/settings\//, /^db\/testing\.ts$/];
const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.split("/").includes("__tests__");

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), { withFileTypes: true, recursive: true }).flatMap((entry) => {
    if (!entry.isFile() || !/\.(ts|tsx|mts|js|mjs)$/.test(entry.name)) return [];
    return [path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")];
  });
}

describe("settings are read only through server/settings", () => {
  it("finds every form of a direct read, and not a mention", () => {
    const reads = (source: string) => directEnvReads("sample.ts", source);
    expect(reads("const port = process.env.PORT;")).toEqual([1]);
    expect(reads('const env = process["env"];')).toEqual([1]);
    expect(reads("const all = { ...globalThis.process.env };")).toEqual([1]);
    expect(reads("const { env } = process;")).toEqual([1]);
    expect(reads('import { env } from "node:process";')).toEqual([1]);
    expect(reads('import proc from "process";')).toEqual([1]);
    expect(reads('// process.env.PORT\nconst text = "process.env.PORT";\nprocess.exit(1);')).toEqual([]);
  });

  it("no product file reads process.env itself", () => {
    const offenders = FOLDERS.flatMap(sourceFiles)
      .filter((file) => !isTest(file) && !EXEMPT.some((pattern) => pattern.test(file)))
      .flatMap((file) => directEnvReads(file, fs.readFileSync(path.join(root, file), "utf8")).map((line) => `${file}:${line}`));
    // Read it with `setting("NAME")` from ~/server/settings, declaring the variable there first.
    expect(offenders).toEqual([]);
  });
});
