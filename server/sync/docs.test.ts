import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { renderSyncDocs, SYNC_DOCS_FILE } from "./docs";
import { SYNC_TASKS } from "./registry";

it("docs/sync.md is what the registry says (run `npm run docs:sync` after changing a task)", () => {
  expect(readFileSync(SYNC_DOCS_FILE, "utf8")).toBe(renderSyncDocs());
});

it("lists every task of the spec, built or not", () => {
  const docs = renderSyncDocs();
  for (const task of SYNC_TASKS) expect(docs).toContain(`Task key: \`${task.key}\``);
  expect(SYNC_TASKS).toHaveLength(16);
});
