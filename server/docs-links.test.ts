import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (["node_modules", ".next", ".data", ".git", "test-results", "playwright-report"].includes(e.name)) return [];
    const full = path.join(dir, e.name);
    return e.isDirectory() ? markdownFiles(full) : e.name.endsWith(".md") ? [full] : [];
  });
}

it("every link of the repository's docs points inside it, at something that exists", () => {
  const broken: string[] = [];
  for (const file of markdownFiles(ROOT)) {
    for (const [, target] of readFileSync(file, "utf8").matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?:|mailto:)/.test(target!)) continue;
      const [relative] = target!.split("#");
      if (!relative) continue;
      const resolved = path.resolve(path.dirname(file), relative);
      if (!resolved.startsWith(ROOT + path.sep) || !existsSync(resolved)) broken.push(`${path.relative(ROOT, file)} → ${target}`);
    }
  }
  expect(broken).toEqual([]);
});
