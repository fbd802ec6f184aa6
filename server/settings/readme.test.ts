import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { END_MARKER, renderSettingsSection, START_MARKER, withSettingsSection } from "./readme";

const root = path.resolve(import.meta.dirname, "../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const section = renderSettingsSection();

describe("README.md's settings section", () => {
  it("is what the declarations render (run `npm run docs:settings` after changing one)", () => {
    const start = readme.indexOf(START_MARKER);
    const end = readme.indexOf(END_MARKER);
    expect(start, "README.md has the start marker").toBeGreaterThanOrEqual(0);
    expect(end, "README.md has the end marker after it").toBeGreaterThan(start);
    expect(readme.slice(start, end + END_MARKER.length)).toBe(section);
  });

  it("lists the settings everybody asks about, with their defaults", () => {
    for (const row of [
      "| `PORT` | 3000 |",
      "| `TRUST_PROXY` | false |",
      "| `SP_API_CLIENT_ID`, `SP_API_CLIENT_SECRET` | (sandbox) |",
      "| `SANDBOX_VOLUME`, `SANDBOX_SEED`, `SANDBOX_TIME_SCALE`, `SANDBOX_REPORT_DELAY` | small, shelfwise, 1, 60 |",
      "| `E2E_PORT` | 3100 |",
    ])
      expect(section).toContain(row);
  });

  it("links only to files inside the repository", () => {
    const targets = [...section.matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1]!);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) {
      const file = path.resolve(root, target.split("#")[0]!);
      expect(file.startsWith(`${root}${path.sep}`), target).toBe(true);
      expect(fs.existsSync(file), target).toBe(true);
    }
  });

  it("is replaced whole between the markers, and a README without them is refused", () => {
    const stale = `intro\n${START_MARKER}\nold table\n${END_MARKER}\noutro`;
    expect(withSettingsSection(stale, section)).toBe(`intro\n${section}\noutro`);
    expect(() => withSettingsSection("no markers here", section)).toThrow(/lacks the settings markers/);
  });
});
