import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createClaimCase, createGermanStore } from "~/test/claim-factories";
import { createMemberOf, createStore } from "~/test/factories";
import { addDays } from "~/server/sync/windows";
import type { ClaimListFilters } from "./input";
import { CLAIM_TAB_KEYS } from "./tabs";
import { claimDetail, claimList, claimTotals, expiringCalendar } from "./queries";
import { claimStatus } from "./status";

/*
 * The Claims page's figures over two marketplaces whose local days differ at NOW: the US one (Los Angeles)
 * is still on 14 March, the German one (Berlin) already on 15 March. One case of every status, amounts
 * whose sum a float would get wrong, a case whose value is unknown, and another organization with the same
 * SKU and far bigger figures.
 */

const NOW = new Date("2026-03-15T05:00:00Z");
let t: TestDatabase;
let mine: Awaited<ReturnType<typeof createMemberOf>>;
let us: Awaited<ReturnType<typeof createStore>>;
let de: Awaited<ReturnType<typeof createStore>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  mine = await createMemberOf(t.db, "viewer");
  us = await createStore(t.db, mine.organizationId);
  de = await createGermanStore(t.db, mine.organizationId);
  const make = async (name: string, store: typeof us, o: Parameters<typeof createClaimCase>[2]) => {
    ids[name] = (await createClaimCase(t.db, store, { now: NOW, sku: `SKU-${name}`, fnsku: `X00${name}`, asin: `B0${name}`, title: `Product ${name}`, ...o })).id;
  };
  const window = (eligibleFrom: string, deadline: string) => ({ eventDay: addDays(eligibleFrom, -30), eligibleFrom, deadline });
  // US, today 2026-03-14.
  await make("A", us, { kind: "warehouse_lost", units: 3, unitValue: "19.9900", ...window("2026-03-01", "2026-03-20") });
  await make("B", us, { kind: "warehouse_damaged", units: 1, unitValue: "0.1000", ...window("2026-03-01", "2026-04-10") });
  await make("C", us, { kind: "customer_return", units: 2, unitValue: "0.1000", ...window("2026-01-20", "2026-04-30"), sourceRef: "113-1234567-1234567/SKU-C", submittedOn: "2026-02-01", amazonCaseId: "11111111111", submissions: 1 });
  await make("D", us, { kind: "inbound_shortage", units: 5, unitValue: null, ...window("2026-03-01", "2026-03-14"), sourceRef: "FBA15ABCDEFG/SKU-D" });
  await make("E", us, { units: 2, unitValue: "5.0000", ...window("2026-03-20", "2026-04-19") });
  await make("F", us, { units: 1, unitValue: "7.0000", ...window("2026-01-01", "2026-03-13") });
  await make("G", us, { units: 1, unitValue: "3.3300", ...window("2026-02-20", "2026-04-01"), submittedOn: "2026-03-01", amazonCaseId: "12345678901", submissions: 1 });
  await make("H", us, { kind: "customer_return", units: 2, unitValue: "12.0000", ...window("2026-01-01", "2026-04-01"), resolution: "reimbursed", reimbursementId: "RB-H", reimbursedAmount: "25.5000" });
  await make("I", us, { units: 1, unitValue: "9.0000", ...window("2026-02-01", "2026-04-01"), resolution: "found" });
  // Germany, today 2026-03-15: its window opens today (in Los Angeles it would still be waiting).
  await make("J", de, { units: 4, unitValue: "12.3456", ...window("2026-03-15", "2026-04-13") });

  const other = await createMemberOf(t.db, "owner");
  const theirs = await createStore(t.db, other.organizationId);
  await createClaimCase(t.db, theirs, { now: NOW, sku: "SKU-A", units: 900, unitValue: "999.0000", ...window("2026-03-01", "2026-03-20"), title: "Their A" });
});
afterAll(async () => t.drop());

const list = (f: ClaimListFilters = {}, page = { page: 1, pageSize: 50 }) => claimList(t.db, mine.organizationId, { ...f, ...page }, NOW);
const skus = async (f: ClaimListFilters = {}) => (await list(f)).rows.map((r) => r.sku);

describe("claim totals", () => {
  it("add up units and amounts at stake per currency exactly, to the cent, per tab and status", async () => {
    const { tabs, statuses } = await claimTotals(t.db, mine.organizationId, {}, NOW);
    // 3 × 19.99 + 1 × 0.10 + 2 × 0.10 (lapsed: filed again) = 60.27; 4 × 12.3456 = 49.3824 → 49.38; D's value is unknown.
    expect(tabs.open).toEqual({ cases: 5, units: 15, unvaluedUnits: 5, atStake: [{ currency: "EUR", amount: "49.38" }, { currency: "USD", amount: "60.27" }], recovered: [] });
    expect(tabs.submitted).toMatchObject({ cases: 1, units: 1, atStake: [{ currency: "USD", amount: "3.33" }] });
    expect(tabs.waiting).toMatchObject({ cases: 1, units: 2, atStake: [{ currency: "USD", amount: "10.00" }] });
    expect(tabs.expired).toMatchObject({ cases: 1, units: 1, atStake: [{ currency: "USD", amount: "7.00" }] });
    // What Amazon paid, not what was at stake.
    expect(tabs.closed).toMatchObject({ cases: 2, units: 3, recovered: [{ currency: "USD", amount: "25.50" }] });
    expect(statuses).toEqual({
      open: { cases: 4, units: 13 },
      lapsed: { cases: 1, units: 2 },
      waiting: { cases: 1, units: 2 },
      submitted: { cases: 1, units: 1 },
      reimbursed: { cases: 1, units: 2 },
      resolved: { cases: 1, units: 1 },
      expired: { cases: 1, units: 1 },
    });
  });

  it("break the open cases down by kind, and follow the marketplace filter", async () => {
    const { openByKind } = await claimTotals(t.db, mine.organizationId, {}, NOW);
    expect(openByKind.warehouse_lost).toEqual({ cases: 2, units: 7, unvaluedUnits: 0, atStake: [{ currency: "EUR", amount: "49.38" }, { currency: "USD", amount: "59.97" }] });
    expect(openByKind.warehouse_damaged).toMatchObject({ cases: 1, atStake: [{ currency: "USD", amount: "0.10" }] });
    expect(openByKind.customer_return).toMatchObject({ cases: 1, atStake: [{ currency: "USD", amount: "0.20" }] });
    expect(openByKind.inbound_shortage).toEqual({ cases: 1, units: 5, unvaluedUnits: 5, atStake: [] });
    const german = await claimTotals(t.db, mine.organizationId, { scopeId: de.marketplace.id }, NOW);
    expect(german.tabs.open).toMatchObject({ cases: 1, units: 4, atStake: [{ currency: "EUR", amount: "49.38" }] });
    expect(german.statuses.expired.cases).toBe(0);
  });
});

describe("the claims list", () => {
  it("shows the Open tab (open and lapsed) by default, the nearest deadline first, with days left on the marketplace's day", async () => {
    const { rows, count } = await list();
    expect(count).toBe(5);
    expect(rows.map((r) => [r.sku, r.status, r.deadline, r.daysLeft, r.atStake])).toEqual([
      ["SKU-D", "open", "2026-03-14", 0, null],
      ["SKU-A", "open", "2026-03-20", 6, "59.97"],
      ["SKU-B", "open", "2026-04-10", 27, "0.10"],
      ["SKU-J", "open", "2026-04-13", 29, "49.38"],
      ["SKU-C", "lapsed", "2026-04-30", 47, "0.20"],
    ]);
    expect(rows.find((r) => r.sku === "SKU-J")).toMatchObject({ marketplace: "DE", currency: "EUR", today: "2026-03-15", region: "eu" });
    expect(rows.find((r) => r.sku === "SKU-A")).toMatchObject({ marketplace: "US", currency: "USD", today: "2026-03-14", unitValue: "19.9900" });
  });

  it("filters by tab, status inside a tab, marketplace and kind", async () => {
    expect(await skus({ tab: "waiting" })).toEqual(["SKU-E"]);
    expect(await skus({ tab: "submitted" })).toEqual(["SKU-G"]);
    expect(await skus({ tab: "expired" })).toEqual(["SKU-F"]);
    expect((await skus({ tab: "closed" })).sort()).toEqual(["SKU-H", "SKU-I"]);
    expect(await skus({ tab: "open", status: "lapsed" })).toEqual(["SKU-C"]);
    expect(await skus({ tab: "closed", status: "resolved" })).toEqual(["SKU-I"]);
    // A status outside the tab selects nothing (the page clears the status when it changes tabs).
    expect(await skus({ tab: "open", status: "expired" })).toEqual([]);
    expect(await skus({ scopeId: de.marketplace.id })).toEqual(["SKU-J"]);
    expect(await skus({ kind: "warehouse_lost" })).toEqual(["SKU-A", "SKU-J"]);
  });

  it("searches SKU, FNSKU, ASIN, title, order id, shipment id and Amazon case id; % and _ are plain characters", async () => {
    expect(await skus({ search: "sku-a" })).toEqual(["SKU-A"]);
    expect(await skus({ search: "X00B" })).toEqual(["SKU-B"]);
    expect(await skus({ search: "B0J" })).toEqual(["SKU-J"]);
    expect(await skus({ search: "113-1234567" })).toEqual(["SKU-C"]);
    expect(await skus({ search: "FBA15ABC" })).toEqual(["SKU-D"]);
    expect(await skus({ tab: "submitted", search: "12345678901" })).toEqual(["SKU-G"]);
    expect(await skus({ search: "%" })).toEqual([]);
    expect(await skus({ search: "SKU_" })).toEqual([]);
  });

  it("sorts by amount at stake, units or event day, either way, and pages", async () => {
    expect(await skus({ sort: "atStake" })).toEqual(["SKU-A", "SKU-J", "SKU-C", "SKU-B", "SKU-D"]);
    expect(await skus({ sort: "atStake", dir: "asc" })).toEqual(["SKU-B", "SKU-C", "SKU-J", "SKU-A", "SKU-D"]);
    expect(await skus({ sort: "deadline", dir: "desc" })).toEqual(["SKU-C", "SKU-J", "SKU-B", "SKU-A", "SKU-D"]);
    expect((await skus({ sort: "units" }))[0]).toBe("SKU-D");
    const second = await list({}, { page: 2, pageSize: 2 });
    expect(second).toMatchObject({ count: 5, page: 2 });
    expect(second.rows.map((r) => r.sku)).toEqual(["SKU-B", "SKU-J"]);
  });

  it("never shows another organization's cases", async () => {
    const all = await Promise.all(CLAIM_TAB_KEYS.map((tab) => list({ tab, search: "SKU-A" })));
    expect(all.flatMap((p) => p.rows.map((r) => r.title))).toEqual(["Product A"]);
  });
});

describe("the calendar of what expires soon", () => {
  it("lists every day of the next 30 with the open and lapsed cases whose deadline it is", async () => {
    const days = await expiringCalendar(t.db, mine.organizationId, {}, NOW);
    // From Los Angeles' today to 29 days after Berlin's.
    expect(days[0]!.day).toBe("2026-03-14");
    expect(days.at(-1)!.day).toBe("2026-04-13");
    expect(days).toHaveLength(31);
    expect(days.filter((d) => d.cases > 0)).toEqual([
      { day: "2026-03-14", cases: 1, units: 5, atStake: [] },
      { day: "2026-03-20", cases: 1, units: 3, atStake: [{ currency: "USD", amount: "59.97" }] },
      { day: "2026-04-10", cases: 1, units: 1, atStake: [{ currency: "USD", amount: "0.10" }] },
      { day: "2026-04-13", cases: 1, units: 4, atStake: [{ currency: "EUR", amount: "49.38" }] },
    ]);
    const lost = await expiringCalendar(t.db, mine.organizationId, { kind: "warehouse_lost" }, NOW);
    expect(lost.filter((d) => d.cases > 0).map((d) => d.day)).toEqual(["2026-03-20", "2026-04-13"]);
  });
});

describe("a case's detail", () => {
  it("has its evidence, the policy of its region, its deadline and transitions; another organization's case is not found", async () => {
    const detail = await claimDetail(t.db, mine.organizationId, ids.J!, NOW);
    expect(detail).toMatchObject({ status: "open", deadline: "2026-04-13", daysLeft: 29, canSubmit: true, atStake: "49.38", region: "eu" });
    expect(detail!.policy).toMatch(/no later than 60 days after the adjustment/);
    expect(detail!.evidence[0]).toMatchObject({ source: "Inventory ledger" });
    expect(detail!.evidenceText).toContain("Marketplace: Amazon.de (DE)");
    expect(detail!.evidenceText).toContain(`- ${detail!.evidence[0]!.label}: ${detail!.evidence[0]!.value} (Inventory ledger)`);
    expect(detail!.events.map((e) => e.transition)).toEqual(["found"]);
    // A lapsed case's text names the submission Amazon left unanswered.
    expect((await claimDetail(t.db, mine.organizationId, ids.C!, NOW))!.evidenceText).toContain("Previous case: 11111111111, filed 2026-02-01");
    const other = await createMemberOf(t.db, "owner");
    expect(await claimDetail(t.db, other.organizationId, ids.J!, NOW)).toBeNull();
  });
});

describe("the status in SQL", () => {
  it("is claimStatus's answer for every kind of case on every day around its window and submission", async () => {
    const owner = await createMemberOf(t.db, "owner");
    const store = await createStore(t.db, owner.organizationId);
    const d = "2026-06-15";
    for (const resolution of [null, "reimbursed", "found"] as const)
      for (const submittedOn of [null, addDays(d, -40), addDays(d, -10)])
        for (const [from, to] of [[-5, 5], [1, 20], [-60, -1], [-20, 40]] as const)
          await createClaimCase(t.db, store, { eventDay: addDays(d, -70), eligibleFrom: addDays(d, from), deadline: addDays(d, to), resolution, submittedOn });
    for (const offset of [-6, -1, 0, 1, 2, 6, 20, 21, 30, 41]) {
      // Noon in Los Angeles: the marketplace's day is d + offset.
      const now = new Date(`${addDays(d, offset)}T19:00:00Z`);
      const pages = await Promise.all(CLAIM_TAB_KEYS.map((tab) => claimList(t.db, owner.organizationId, { tab, page: 1, pageSize: 200 }, now)));
      const rows = pages.flatMap((p) => p.rows);
      expect(rows).toHaveLength(36);
      for (const r of rows) {
        expect(r.today).toBe(addDays(d, offset));
        expect({ id: r.id, status: r.status }).toEqual({ id: r.id, status: claimStatus(r, r.today) });
      }
    }
  });
});
