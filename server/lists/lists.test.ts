import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createMemberOf, createStore, createSyncedData } from "~/test/factories";
import { csvCell } from "./csv";
import { sortableColumns, urlShapeOf, type ListDefinition } from "./definition";
import { exportList } from "./export";
import { listFilters } from "./input";
import { productsList } from "./products";
import { listPage } from "./query";
import { LISTS } from "./registry";
import { removalsList } from "./removals";
import { LIST_URL_KEYS, listFiltersFromUrl } from "./url";

let t: TestDatabase;
let mine: { organizationId: string; userId: string; markers: string[]; marketplaceId: string; caller: Awaited<ReturnType<typeof createMemberOf>>["caller"] };
let theirs: { markers: string[] };

beforeAll(async () => {
  t = await createTestDatabase();
  const a = await createMemberOf(t.db, "viewer");
  const store = await createStore(t.db, a.organizationId);
  const synced = await createSyncedData(t.db, store, 3);
  mine = { organizationId: a.organizationId, userId: a.user.id, markers: synced.markers, marketplaceId: store.marketplace.id, caller: a.caller };
  const b = await createMemberOf(t.db, "owner");
  theirs = { markers: (await createSyncedData(t.db, await createStore(t.db, b.organizationId), 7)).markers };
});
afterAll(async () => t.drop());

const page = (f: Partial<Parameters<typeof listPage>[3]> = {}) =>
  listPage(t.db, removalsList, mine.organizationId, { page: 1, pageSize: 50, days: 90, ...f });

describe("a data list", () => {
  it("selects the organization's rows, newest first, with totals per currency", async () => {
    const p = await page();
    expect(p.count).toBe(2);
    expect(p.rows.map((r) => r.orderType)).toEqual(["Return", "Disposal"]);
    expect(p.rows[0]).toMatchObject({ marketplace: "US", timeZone: "America/Los_Angeles", currency: "USD", removalFee: "3.0000" });
    expect(p.totals).toEqual([{ currency: "USD", count: 2, values: expect.objectContaining({ requestedQuantity: "7", removalFee: "6.1000" }) }]);
  });

  it("sorts, searches, filters by marketplace and pages on the server", async () => {
    expect((await page({ sort: "requestedQuantity", dir: "desc" })).rows.map((r) => r.requestedQuantity)).toEqual([4, 3]);
    expect((await page({ search: mine.markers[0]!.slice(2) })).count).toBe(2);
    expect((await page({ search: theirs.markers[0] })).count).toBe(0);
    expect((await page({ scopeId: "00000000-0000-4000-8000-000000000000" })).count).toBe(0);
    const first = await page({ pageSize: 1 });
    const second = await page({ pageSize: 1, page: 2 });
    expect([first.rows[0]!.orderId, second.rows[0]!.orderId]).toEqual(["RM" + mine.markers[0] + "0", "RM" + mine.markers[0] + "1"]);
    expect(first.count).toBe(2);
  });

  it("exports exactly what the filters select, as CSV, for the session's organization only", async () => {
    const response = await exportList({ db: t.db, userId: mine.userId, requestedOrganizationId: undefined }, "removals", new URLSearchParams({ range: "90d", sort: "requestedQuantity", dir: "asc" }));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await response.text();
    const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Marketplace,Requested (local),Removal order,Type,Status,SKU,FNSKU,Disposition,Requested,Shipped,Disposed,Cancelled,In process,Fee,Currency");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^US,\d{4}-\d{2}-\d{2} 10:00,RM\w+0,Return,Completed,/);
    expect(lines[1]).toMatch(/,3\.0000,USD$/);
    for (const marker of theirs.markers) expect(text).not.toContain(marker);
  });

  it("reads the page's own URL: its search (q) and its marketplace (scope) select the export's rows too", async () => {
    const exported = async (params: Record<string, string>) =>
      (await (await exportList({ db: t.db, userId: mine.userId, requestedOrganizationId: undefined }, "removals", new URLSearchParams(params))).text())
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n")
        .slice(1);
    const one = `RM${mine.markers[0]}1`;
    expect(await exported({ range: "90d", q: one })).toEqual([expect.stringContaining(one)]);
    expect(await exported({ range: "90d", scope: "00000000-0000-4000-8000-000000000000" })).toEqual([]);
  });

  it("refuses an export without a session, and a bad filter in plain words", async () => {
    expect((await exportList({ db: t.db, userId: null, requestedOrganizationId: undefined }, "removals", new URLSearchParams())).status).toBe(401);
    const bad = await exportList({ db: t.db, userId: mine.userId, requestedOrganizationId: undefined }, "removals", new URLSearchParams({ from: "2026-13-45" }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/The export was not accepted: from: Enter a real date/);
    expect((await exportList({ db: t.db, userId: mine.userId, requestedOrganizationId: undefined }, "nope", new URLSearchParams())).status).toBe(400);
  });

  it("quotes CSV cells and defuses formulas", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-0.50")).toBe("-0.50");
    expect(csvCell(null)).toBe("");
  });
});

describe("a snapshot list with enumerated filters and pictures (products)", () => {
  // createSyncedData gives each organization three listings, their SKUs tagged with its first marker.
  const tag = () => mine.markers[0]!;
  const products = (f: Partial<Parameters<typeof listPage>[3]> = {}) =>
    listPage(t.db, productsList, mine.organizationId, { page: 1, pageSize: 50, ...f });
  const skus = (p: Awaited<ReturnType<typeof products>>) => p.rows.map((r) => r.sku);
  const exported = async (params: Record<string, string>) => {
    const response = await exportList({ db: t.db, userId: mine.userId, requestedOrganizationId: undefined }, "products", new URLSearchParams(params));
    return { status: response.status, text: await response.text() };
  };
  const lines = (text: string) => text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");

  it("has no date range: every listing shows, however long ago it opened, whatever range is asked", async () => {
    const all = await products();
    // Most recently opened first; the FBA listing opened two years ago, older than any range.
    expect(skus(all)).toEqual([`SKU-${tag()}-NEW`, `SKU-${tag()}-FBM`, `SKU-${tag()}`]);
    expect(all.rows[2]).toMatchObject({ image: `https://m.media-amazon.com/images/I/${tag()}.jpg`, title: `Stainless Kettle ${tag()}`, price: "39.9900", quantity: null, currency: "USD" });
    expect(all.rows[0]).toMatchObject({ image: null, asin: null, title: null, status: "Incomplete", fulfilledBy: "FBM" });
    expect(all.totals).toEqual([{ currency: "USD", count: 3, values: { quantity: "3" } }]);
    for (const range of [{ days: 1 }, { from: "2020-01-01", to: "2020-01-02" }, { days: 30, from: "2099-01-01" }]) expect((await products(range)).count).toBe(3);
  });

  it("filters by status and by who fulfills, in the rows and in the totals", async () => {
    expect(skus(await products({ filters: { status: "Active" } }))).toEqual([`SKU-${tag()}`]);
    const fbm = await products({ filters: { fulfillment: "FBM" } });
    expect(skus(fbm)).toEqual([`SKU-${tag()}-NEW`, `SKU-${tag()}-FBM`]);
    expect(fbm.totals).toEqual([{ currency: "USD", count: 2, values: { quantity: "3" } }]);
    expect(skus(await products({ filters: { status: "Inactive", fulfillment: "FBM" } }))).toEqual([`SKU-${tag()}-FBM`]);
    const none = await products({ filters: { status: "Active", fulfillment: "FBM" } });
    expect([none.count, none.totals]).toEqual([0, []]);
  });

  it("searches SKU, ASIN and title case-insensitively, and never shows another organization's listings", async () => {
    expect(skus(await products({ search: "kettle" }))).toEqual([`SKU-${tag()}`]);
    expect(skus(await products({ search: `b1${tag().toLowerCase()}` }))).toEqual([`SKU-${tag()}-FBM`]);
    // Every organization's listings share the SKU prefix and the titles' words: only the caller's come back.
    expect((await products({ search: "SKU-" })).count).toBe(3);
    expect((await products({ search: "Oak Board" })).count).toBe(1);
    for (const marker of theirs.markers) expect((await products({ search: marker })).count).toBe(0);
    const viaRouter = await mine.caller.lists.page({ list: "products", filters: { fulfillment: "FBA" } });
    expect(viaRouter.rows.map((r) => r.sku)).toEqual([`SKU-${tag()}`]);
    expect(JSON.stringify(viaRouter)).not.toContain(theirs.markers[0]);
  });

  it("sorts by its columns but never by a picture", async () => {
    expect(skus(await products({ sort: "sku", dir: "asc" }))).toEqual([`SKU-${tag()}`, `SKU-${tag()}-FBM`, `SKU-${tag()}-NEW`]);
    expect(skus(await products({ sort: "image", dir: "asc" }))).toEqual(skus(await products()));
  });

  it("refuses a filter value, or a filter, the list does not offer", async () => {
    const wrong = listFilters.safeParse({ list: "products", filters: { status: "Pending" } });
    expect(wrong.error?.issues).toEqual([expect.objectContaining({ path: ["filters", "status"], message: 'Status must be Active, Inactive or Incomplete, not "Pending".' })]);
    expect(listFilters.safeParse({ list: "removals", filters: { status: "Active" } }).error?.issues[0]?.message).toBe('This list has no filter "status".');
    await expect(mine.caller.lists.page({ list: "products", filters: { fulfillment: "fba" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const bad = await exported({ status: "Pending" });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/The export was not accepted: filters\.status: Status must be Active, Inactive or Incomplete, not "Pending"\./);
  });

  it("exports the filtered listings with their picture's URL, ignoring any range, for the session's organization only", async () => {
    // A range (even a malformed one) is no filter of a snapshot: the export neither applies nor refuses it.
    const active = await exported({ status: "Active", range: "30d", from: "2026-13-45" });
    expect(active.status).toBe(200);
    const [header, ...rows] = lines(active.text);
    expect(header).toBe("Marketplace,Image URL,SKU,ASIN,Title,Status,Fulfilled by,Price,Quantity (FBM),Opened (local),Condition,Currency");
    expect(rows).toEqual([
      expect.stringMatching(new RegExp(`^US,https://m\\.media-amazon\\.com/images/I/${tag()}\\.jpg,SKU-${tag()},B0${tag()},Stainless Kettle ${tag()},Active,FBA,39\\.9900,,\\d{4}-\\d{2}-\\d{2} 09:30,New,USD$`)),
    ]);
    const fbm = lines((await exported({ fulfillment: "FBM", q: tag() })).text).slice(1);
    expect(fbm).toEqual([expect.stringMatching(new RegExp(`^US,,SKU-${tag()}-NEW,,,Incomplete,FBM,,0,`)), expect.stringMatching(new RegExp(`^US,,SKU-${tag()}-FBM,B1`))]);
    const everything = await exported({});
    expect(lines(everything.text)).toHaveLength(4);
    for (const marker of theirs.markers) expect(everything.text).not.toContain(marker);
  });

  it("reads its filters from the page's URL, leaving out what does not fit, and no range at all", () => {
    expect(listFiltersFromUrl({ status: "Bogus", fulfillment: "FBA", range: "30d", q: " kettle " }, "12m", urlShapeOf(productsList))).toMatchObject({
      range: undefined,
      filters: { fulfillment: "FBA" },
      search: "kettle",
    });
    // A list with a day and no filters of its own reads its URL as before.
    expect(listFiltersFromUrl({ range: "30d", status: "Active" }, undefined, urlShapeOf(removalsList))).toMatchObject({ range: "30d", filters: undefined });
    expect(listFiltersFromUrl({}, "12m", urlShapeOf(removalsList)).range).toBe("12m");
  });

  it("every list's definition fits together: filter keys clash with no URL key, pictures are described by its columns", () => {
    for (const list of LISTS as readonly ListDefinition[]) {
      const keys = [...LIST_URL_KEYS, ...(list.filters ?? []).map((f) => f.key), ...(list.settings ?? []).map((s) => s.key)];
      expect(new Set(keys).size, list.key).toBe(keys.length);
      const columnKeys = list.columns.map((c) => c.key);
      for (const c of list.columns) if (c.kind === "image") expect(columnKeys, list.key).toEqual(expect.arrayContaining([...c.describedBy]));
      expect(sortableColumns(list).map((c) => c.key), list.key).toContain(list.defaultSort.key);
    }
  });
});
