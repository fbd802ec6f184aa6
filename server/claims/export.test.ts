import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createClaimCase, createGermanStore } from "~/test/claim-factories";
import { createMemberOf, createStore } from "~/test/factories";
import { claimCsvHeader, claimCsvLine, exportClaims } from "./export";
import { claimFiltersFromUrl } from "./input";
import { claimFiltersToUrl } from "./tabs";
import { claimList } from "./queries";

/*
 * The Claims CSV is what the page lists for the same URL: the same cases in the same order, days as the
 * marketplace's local days, money exact beside its currency — and only ever the member's own organization's.
 */

const NOW = new Date("2026-03-15T05:00:00Z");
let t: TestDatabase;
let owner: Awaited<ReturnType<typeof createMemberOf>>;

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await createMemberOf(t.db, "viewer");
  const us = await createStore(t.db, owner.organizationId);
  const de = await createGermanStore(t.db, owner.organizationId);
  // 1,100 open cases: the export reads them in batches of 1,000.
  await t.sql`
    insert into claim_cases (organization_id, store_id, store_marketplace_id, kind, source_ref, sku, units, event_at, event_day,
      eligible_from, deadline, currency, unit_value, evidence, analyzed_at)
    select ${owner.organizationId}, ${us.store.id}, ${us.marketplace.id}, 'warehouse_lost', 'BULK-' || n, 'SKU-BULK-' || n, 1 + n % 3,
      '2026-02-01T18:00:00Z', '2026-02-01', '2026-03-03', (date '2026-03-20' + n % 40)::text, 'USD', ((n % 7) || '.3333')::numeric, '[]'::jsonb, now()
    from generate_series(1, 1100) n`;
  await createClaimCase(t.db, us, { now: NOW, sku: "=HYPERLINK(1)", title: 'Kettle, 1.7 l "steel"', units: 3, unitValue: "19.9900", eventDay: "2026-02-01", eligibleFrom: "2026-03-03", deadline: "2026-03-16" });
  await createClaimCase(t.db, de, { now: NOW, sku: "SKU-DE", units: 4, unitValue: "12.3456", eventDay: "2026-02-13", eligibleFrom: "2026-03-15", deadline: "2026-04-13" });
  await createClaimCase(t.db, us, { now: NOW, sku: "SKU-SUBMITTED", units: 1, unitValue: "5.0000", eventDay: "2026-02-01", eligibleFrom: "2026-03-03", deadline: "2026-04-02", amazonCaseId: "12345678901", submittedOn: "2026-03-10", submissions: 1 });
  const other = await createMemberOf(t.db, "owner");
  await createClaimCase(t.db, await createStore(t.db, other.organizationId), { now: NOW, sku: "SKU-THEIRS" });
});
afterAll(async () => t.drop());

const csvOf = async (userId: string | null, query: URLSearchParams, requestedOrganizationId?: string) => {
  const response = await exportClaims({ db: t.db, userId, requestedOrganizationId }, query, NOW);
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
};
const lines = (text: string) => text.replace(/^\uFEFF/, "").split("\r\n").slice(0, -1);

it("holds exactly the cases the page lists for the same URL, in its order, across batches", async () => {
  for (const url of [new URLSearchParams(), new URLSearchParams({ tab: "submitted" }), new URLSearchParams({ q: "sku-bulk-1", sort: "atStake", dir: "desc" })]) {
    const filters = claimFiltersFromUrl(Object.fromEntries(url));
    const page = await claimList(t.db, owner.organizationId, { ...filters, page: 1, pageSize: 2000 }, NOW);
    const csv = await csvOf(owner.user.id, claimFiltersToUrl(filters));
    expect(csv.status).toBe(200);
    expect(csv.type).toBe("text/csv; charset=utf-8");
    expect(lines(csv.text)).toEqual([claimCsvHeader(), ...page.rows.map(claimCsvLine)].map((l) => l.slice(0, -2)));
  }
  expect(lines((await csvOf(owner.user.id, new URLSearchParams())).text)).toHaveLength(1 + 1100 + 2);
});

it("writes local days, exact amounts beside their currency, quoted text and no formulas", async () => {
  const [header, ...rows] = lines((await csvOf(owner.user.id, new URLSearchParams({ q: "kettle" }))).text);
  expect(header).toBe(
    "Marketplace,Kind,Status,SKU,FNSKU,ASIN,Title,Reference,Units,Currency,Unit value,Amount at stake,Event day (local),Eligible from (local),Deadline (local),Days left,Amazon case id,Submitted on (local),Submissions,Reimbursement id,Reimbursed amount",
  );
  expect(rows).toHaveLength(1);
  // In Los Angeles it is still 14 March: two days left.
  expect(rows[0]).toMatch(/^US,Lost in a fulfillment center,Open,'=HYPERLINK\(1\),X00CLAIM01,B0CLAIM001,"Kettle, 1\.7 l ""steel""",[^,]+,3,USD,19\.9900,59\.97,2026-02-01,2026-03-03,2026-03-16,2,,,0,,$/);
  const [, german] = lines((await csvOf(owner.user.id, new URLSearchParams({ q: "SKU-DE" }))).text);
  expect(german).toContain(",4,EUR,12.3456,49.38,2026-02-13,2026-03-15,2026-04-13,29,");
  const [, submitted] = lines((await csvOf(owner.user.id, new URLSearchParams({ tab: "submitted" }))).text);
  expect(submitted).toContain(",Submitted,SKU-SUBMITTED,");
  expect(submitted).toContain(",12345678901,2026-03-10,1,,");
});

it("exports the member's own organization only, whatever organization is asked for, and refuses what it cannot read", async () => {
  const other = await createMemberOf(t.db, "owner");
  const theirs = await csvOf(other.user.id, new URLSearchParams(), owner.organizationId);
  expect(lines(theirs.text)).toHaveLength(1);
  expect(theirs.text).not.toContain("SKU-BULK");
  expect((await csvOf(owner.user.id, new URLSearchParams({ q: "SKU-THEIRS" }))).text).not.toContain("SKU-THEIRS");
  expect((await csvOf(null, new URLSearchParams())).status).toBe(401);
  expect((await csvOf(owner.user.id, new URLSearchParams({ tab: "everything" }))).status).toBe(400);
  expect((await csvOf(owner.user.id, new URLSearchParams({ kind: "stolen" }))).status).toBe(400);
});
