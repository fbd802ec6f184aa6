/** `npm run docs:sync`: rewrites docs/sync.md from the sync registry. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { renderSyncDocs, SYNC_DOCS_FILE } from "./docs";

writeFileSync(SYNC_DOCS_FILE, renderSyncDocs());
console.info(`[docs] wrote ${path.relative(process.cwd(), SYNC_DOCS_FILE)}`);
