import { describe, expect, it } from "vitest";
import type { EntityRow } from "../entity-columns";
import { bulkEdits, editOf, isEditable, mergeResults, parseAmount, parsePercent, parsePlacement, type EditableRow, type EditResult } from "./model";

const campaign: EditableRow = {
  id: "101",
  kind: "campaign",
  synced: true,
  state: "ENABLED",
  label: "Kettles exact",
  campaignId: "101",
  campaignName: "Kettles exact",
  adGroupId: null,
  adGroupName: null,
  targetingType: "MANUAL",
  budget: "25.0000",
  biddingStrategy: "LEGACY_FOR_SALES",
  placementTop: 50,
  placementProductPage: null,
  placementRestOfSearch: 0,
  defaultBid: null,
  bid: null,
  groupDefaultBid: null,
  matchType: null,
  expressionType: null,
  sku: null,
  asin: null,
  servingStatus: null,
  impressions: "0",
  clicks: "0",
  spend: "0",
  sales: "0",
  orders: "0",
  ctr: null,
  cpc: null,
  acos: null,
  roas: null,
  cvr: null,
};
const keyword: EditableRow = { ...campaign, id: "301", kind: "keyword", label: "steel kettle", budget: null, bid: null, groupDefaultBid: "0.7500" };

describe("edits built from the rows the seller sees", () => {
  it("carry the values shown for exactly the fields they change", () => {
    expect(editOf(campaign, { budget: { set: "30" } })).toEqual({ kind: "campaign", entityId: "101", budget: { set: "30" }, loaded: { budget: "25.0000" } });
    expect(editOf(campaign, { placementTop: 60, placementProductPage: 10 }).loaded).toEqual({ placementTop: "50", placementProductPage: null });
    expect(editOf(campaign, { name: "Kettles", state: "PAUSED" }).loaded).toEqual({ name: "Kettles exact", state: "ENABLED" });
    // A keyword on its ad group's default bid has no bid of its own: Amazon's is null too.
    expect(editOf(keyword, { bid: { set: "0.90" } }).loaded).toEqual({ bid: null });
  });

  it("in bulk, one per row with each row's own values", () => {
    const other = { ...keyword, id: "302", bid: "1.1000" };
    expect(bulkEdits([keyword, other], { field: "bid", percent: 10 })).toEqual([
      { kind: "keyword", entityId: "301", bid: { percent: 10 }, loaded: { bid: null } },
      { kind: "keyword", entityId: "302", bid: { percent: 10 }, loaded: { bid: "1.1000" } },
    ]);
    expect(bulkEdits([campaign], { state: "ARCHIVED" })).toEqual([{ kind: "campaign", entityId: "101", state: "ARCHIVED", loaded: { state: "ENABLED" } }]);
  });

  it("only for synced rows that are not archived", () => {
    expect(isEditable(campaign)).toBe(true);
    expect(isEditable({ ...campaign, state: "ARCHIVED" })).toBe(false);
    const reportOnly: EntityRow = { ...campaign, kind: null, synced: false, state: null };
    expect(isEditable(reportOnly)).toBe(false);
  });
});

describe("values as the seller types them", () => {
  it("reads amounts exactly, with a currency sign or a decimal comma", () => {
    expect(parseAmount(" $1.25 ")).toEqual({ amount: "1.25" });
    expect(parseAmount("1,25")).toEqual({ amount: "1.25" });
    expect(parseAmount("1,250.50")).toEqual({ amount: "1250.50" });
    expect(parseAmount("")).toHaveProperty("error");
    expect(parseAmount("1.23456")).toHaveProperty("error");
  });

  it("reads percentages within Amazon's bounds", () => {
    expect(parsePercent("+10%")).toEqual({ percent: 10 });
    expect(parsePercent("-15.5")).toEqual({ percent: -15.5 });
    expect(parsePercent("-100")).toHaveProperty("error");
    expect(parsePercent("0")).toHaveProperty("error");
    expect(parsePlacement("900")).toEqual({ percentage: 900 });
    expect(parsePlacement("12.5")).toHaveProperty("error");
    expect(parsePlacement("901")).toHaveProperty("error");
  });
});

describe("an overwrite's results", () => {
  it("replace the conflicts of the first call, and keep what it applied", () => {
    const r = (entityId: string, status: EditResult["status"]): EditResult => ({ kind: "keyword", entityId, label: entityId, status });
    expect(mergeResults([r("1", "applied"), r("2", "conflict")], [r("2", "applied")]).map((x) => [x.entityId, x.status])).toEqual([
      ["1", "applied"],
      ["2", "applied"],
    ]);
  });
});
