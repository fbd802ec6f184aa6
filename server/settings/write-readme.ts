/** `npm run docs:settings`: rewrites README.md's settings section from the declarations. */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderSettingsSection, withSettingsSection } from "./readme";

const readmePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../README.md");
const before = fs.readFileSync(readmePath, "utf8");
const after = withSettingsSection(before, renderSettingsSection());
if (after === before) console.info("README.md's settings section is up to date.");
else {
  fs.writeFileSync(readmePath, after);
  console.info("Rewrote README.md's settings section.");
}
