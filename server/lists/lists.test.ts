import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createMemberOf, createStore, createSyncedData } from "~/test/factories";
import { csvCell } from "./csv";
import { exportList } from "./export";
import { listPage } from "./query";
import { removalsList } from "./removals";

let t: TestDatabase;
let mine: { organizationId: string; userId: string; markers: string[]; marketplaceId: string };
let theirs: { markers: string[] };

beforeAll(async () => {
  t = await createTestDatabase();
  const a = await createMemberOf(t.db, "viewer");
  const store = await createStore(t.db, a.organizationId);
  const synced = await createSyncedData(t.db, store, 3);
  mine = { organizationId: a.organizationId, userId: a.user.id, markers: synced.markers, marketplaceId: store.marketplace.id };
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
