import { z } from "zod";
import type { Database } from "~/db/client";
import { MAX_UPLOAD_BYTES, parseCostCsv, type RowProblem } from "./csv-parse";
import { upsertCostRows, type Actor } from "./periods";
import { knownSkus, ownedStore } from "./stores";

/*
 * A cost upload is all or nothing: when any row is bad nothing is written and every bad row is reported;
 * otherwise every row is written in one transaction by its natural key (store, SKU, valid from), so
 * uploading the same file again changes nothing.
 */

export const importCostsInput = z.object({
  storeId: z.uuid(),
  fileName: z.string().trim().max(255).optional(),
  // A file of more characters than 5 MB has bytes is too large whatever it holds; multi-byte text is counted in bytes below.
  csv: z.string().max(MAX_UPLOAD_BYTES, { error: "The file is larger than 5 MB; upload at most 5 MB (about 50,000 rows) at a time." }),
});

export type ImportResult =
  | { status: "imported"; rows: number; changed: number; unchanged: number; skipped: number; ignoredColumns: string[] }
  | { status: "refused"; badRows: number; problems: RowProblem[] };

export async function importCosts(db: Database, actor: Actor, input: z.output<typeof importCostsInput>): Promise<ImportResult> {
  const store = await ownedStore(db, actor.organizationId, input.storeId);
  const bytes = Buffer.byteLength(input.csv, "utf8");
  if (bytes > MAX_UPLOAD_BYTES)
    return {
      status: "refused",
      badRows: 0,
      problems: [{ line: null, column: null, problem: `The file is ${(Math.ceil(bytes / 104_857.6) / 10).toFixed(1)} MB; upload at most 5 MB (about 50,000 rows) at a time.` }],
    };
  const parsed = parseCostCsv(input.csv, store.currency);
  const problems = [...parsed.problems];
  const known = await knownSkus(db, actor.organizationId, store.id, parsed.rows.map((r) => r.sku));
  for (const r of parsed.rows)
    if (!known.has(r.sku)) problems.push({ line: r.line, column: "sku", problem: `This store (${store.name}) has no product with SKU ${r.sku}.` });
  if (problems.length) {
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { status: "refused", badRows: new Set(problems.filter((p) => p.line !== null && p.line > 1).map((p) => p.line)).size, problems };
  }
  const changed = await db.transaction((tx) => upsertCostRows(tx, actor, store.id, parsed.rows.map(({ line: _line, ...row }) => row)));
  return { status: "imported", rows: parsed.rows.length, changed, unchanged: parsed.rows.length - changed, skipped: parsed.skipped, ignoredColumns: parsed.ignoredColumns };
}
