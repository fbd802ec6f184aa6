import { eq } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADS_REPORTS } from "~/server/advertising/report-tables";
import { longTermStorageFeesTable } from "~/server/sync/tasks/long-term-storage-fees/rows";
import { storageFeesTable } from "~/server/sync/tasks/monthly-storage-fees/rows";
import { reimbursementsTable } from "~/server/sync/tasks/reimbursements/rows";
import { ledgerTable } from "~/server/sync/tasks/claims/ledger";
import { productsTable } from "~/server/sync/tasks/products-full/rows";
import { removalsTable } from "~/server/sync/tasks/removals/rows";
import { createMemberOf, createStore, createSyncedData } from "~/test/factories";
import { adProfiles, orderItems, orders, organizations, storeMarketplaces, stores } from "./schema";
import { createTestDatabase, type TestDatabase } from "./testing";

/*
 * The synced tables have no per-row foreign keys (db/migrations/0010, 0012): a statement trigger checks
 * each load once, and deleting a scope deletes its rows. These tests hold those triggers to what the keys
 * promised, table by table.
 */

/** A table the orders syncs write (not through the report loader's table descriptions). */
const ordersTable = (table: PgTable) => ({
  table: getTableConfig(table).name,
  scopeColumn: "store_marketplace_id",
  // (The schema names columns in camelCase; the database client's casing makes them snake_case.)
  columns: getTableConfig(table).columns.map((c) => c.name.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)),
});

/** Every synced table, with the scope its rows belong to. */
const SYNCED = [
  ...Object.values(ADS_REPORTS).map((r) => r.table), removalsTable, reimbursementsTable, storageFeesTable, longTermStorageFeesTable, productsTable, ledgerTable,
  ordersTable(orders), ordersTable(orderItems),
];

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const count = async (table: string, column: string, scopeId: string) =>
  (await t.sql.unsafe<{ n: number }[]>(`select count(*)::int as n from "${table}" where "${column}" = $1`, [scopeId]))[0]!.n;

async function seller(seed: number) {
  const { organizationId } = await createMemberOf(t.db, "owner");
  const store = await createStore(t.db, organizationId);
  await createSyncedData(t.db, store, seed);
  const scopes: Record<string, string> = { ad_profile_id: store.adProfile.id, store_marketplace_id: store.marketplace.id, store_id: store.store.id };
  return { organizationId, store, scopes };
}

describe("synced report tables", () => {
  it("every one has its statement checks", async () => {
    const triggers = await t.sql<{ table: string; name: string }[]>`
      select c.relname as table, tg.tgname as name from pg_trigger tg join pg_class c on c.oid = tg.tgrelid where not tg.tgisinternal`;
    for (const table of SYNCED) {
      const names = triggers.filter((r) => r.table === table.table).map((r) => r.name);
      expect(names, table.table).toEqual(expect.arrayContaining([`${table.table}_scope_on_insert`, `${table.table}_scope_on_update`]));
    }
  });

  it("refuse rows whose scope does not exist or belongs to another organization, and write nothing of them", async () => {
    const a = await seller(3);
    const b = await seller(5);
    for (const table of SYNCED) {
      const scope = table.scopeColumn;
      const before = await count(table.table, scope, a.scopes[scope]!);
      expect(before, table.table).toBeGreaterThan(0);
      // A copy of seller A's rows filed under seller B's organization, and one under a scope nobody has.
      const columns = table.columns.map((c) => `"${c}"`).join(", ");
      const others = table.columns.map((c) => (c === "organization_id" ? `'${b.organizationId}'::uuid` : `"${c}"`)).join(", ");
      const nobody = table.columns.map((c) => (c === scope ? `gen_random_uuid()` : `"${c}"`)).join(", ");
      // (Seller A's rows are taken out in the same statement: the key has no organization in it.)
      const foreign = `with moved as (delete from "${table.table}" where "${scope}" = $1 returning *) insert into "${table.table}" (${columns}) select ${others} from moved`;
      const missing = `insert into "${table.table}" (${columns}) select ${nobody} from "${table.table}" where "${scope}" = $1`;
      await expect(t.sql.unsafe(foreign, [a.scopes[scope]!]).then(() => "written"), table.table).rejects.toMatchObject({ code: "23503" });
      await expect(t.sql.unsafe(missing, [a.scopes[scope]!]).then(() => "written"), table.table).rejects.toMatchObject({ code: "23503" });
      // Nor may an update move rows to another organization.
      await expect(
        t.sql.unsafe(`update "${table.table}" set organization_id = $2 where "${scope}" = $1`, [a.scopes[scope]!, b.organizationId]).then(() => "written"),
        table.table,
      ).rejects.toMatchObject({ code: "23503" });
      expect(await count(table.table, scope, a.scopes[scope]!), table.table).toBe(before);
    }
  });

  it("lose their rows with their scope: a profile, a marketplace, a store, or the whole organization", async () => {
    const a = await seller(7);
    const b = await seller(9);
    await t.db.delete(adProfiles).where(eq(adProfiles.id, a.store.adProfile.id));
    for (const table of SYNCED.filter((s) => s.scopeColumn === "ad_profile_id")) expect(await count(table.table, "ad_profile_id", a.scopes.ad_profile_id!), table.table).toBe(0);
    await t.db.delete(storeMarketplaces).where(eq(storeMarketplaces.id, a.store.marketplace.id));
    for (const table of SYNCED.filter((s) => s.scopeColumn === "store_marketplace_id"))
      expect(await count(table.table, "store_marketplace_id", a.scopes.store_marketplace_id!), table.table).toBe(0);
    await t.db.delete(stores).where(eq(stores.id, a.store.store.id));
    expect(await count("reimbursements", "store_id", a.scopes.store_id!)).toBe(0);

    // Deleting an organization reaches its rows through its scopes; another seller's rows stay.
    await t.db.delete(organizations).where(eq(organizations.id, b.organizationId));
    for (const table of SYNCED) {
      expect(await count(table.table, table.scopeColumn, b.scopes[table.scopeColumn]!), table.table).toBe(0);
      expect(await count(table.table, "organization_id", b.organizationId), table.table).toBe(0);
    }
  });
});
