import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createMemberOf, createStore } from "~/test/factories";
import { allHistoryRows } from "./change-history";
import { exportAdHistory } from "./history-export";
import { insertChange, type ProfileScope } from "./testing";

let t: TestDatabase;
let member: Awaited<ReturnType<typeof createMemberOf>>;
let other: Awaited<ReturnType<typeof createMemberOf>>;
let scope: ProfileScope;
let otherScope: ProfileScope;

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestDatabase();
  member = await createMemberOf(t.db, "viewer");
  other = await createMemberOf(t.db, "owner");
  scope = { organizationId: member.organizationId, adProfileId: (await createStore(t.db, member.organizationId)).adProfile.id };
  otherScope = { organizationId: other.organizationId, adProfileId: (await createStore(t.db, other.organizationId)).adProfile.id };
  const campaign = { kind: "campaign" as const, entityId: "101", campaignId: "101", entityLabel: "Kettles exact" };
  await insertChange(t.db, scope, { ...campaign, field: "budget", before: "25.0000", after: "37.5000", at: at("2026-06-02T17:00:00Z") });
  await insertChange(t.db, scope, { ...campaign, field: "state", before: "ENABLED", after: "PAUSED", at: at("2026-06-03T17:00:00Z") });
  await insertChange(t.db, scope, {
    kind: "keyword",
    entityId: "301",
    campaignId: "101",
    entityLabel: "=steel kettle",
    field: "bid",
    before: "0.7500",
    after: "0.9000",
    source: "app",
    userId: member.user.id,
    result: "failed",
    message: "Bid above the campaign's budget, refused",
    at: at("2026-06-04T17:00:00Z"),
  });
  await insertChange(t.db, scope, { kind: "adGroup", entityId: "201", campaignId: "101", entityLabel: "Kettles", field: "created", after: "ENABLED", at: at("2026-06-01T17:00:00Z") });
  await insertChange(t.db, otherScope, { ...campaign, entityLabel: "Rival campaign", field: "budget", before: "1.0000", after: "2.0000", at: at("2026-06-05T17:00:00Z") });
});
afterAll(async () => t.drop());

const history = (input: Record<string, unknown> = {}) => member.caller.advertising.history({ adProfileId: scope.adProfileId, ...input });

describe("the change history", () => {
  it("lists the profile's changes newest first, naming who made each", async () => {
    const page = await history();
    expect(page.count).toBe(4);
    expect(page.rows.map((r) => [r.field, r.before, r.after, r.source, r.userName, r.result])).toEqual([
      ["bid", "0.7500", "0.9000", "app", member.user.name, "failed"],
      ["state", "ENABLED", "PAUSED", "seller_central", null, "detected"],
      ["budget", "25.0000", "37.5000", "seller_central", null, "detected"],
      ["created", null, "ENABLED", "seller_central", null, "detected"],
    ]);
    expect(page.rows[0]).toMatchObject({ kind: "keyword", entityLabel: "=steel kettle", message: "Bid above the campaign's budget, refused" });
    expect(page.rows[0]!.at).toEqual(at("2026-06-04T17:00:00Z"));
  });

  it("filters by kind, source and field, and pages", async () => {
    expect((await history({ kind: "campaign" })).rows.map((r) => r.field)).toEqual(["state", "budget"]);
    expect((await history({ source: "app" })).rows.map((r) => r.field)).toEqual(["bid"]);
    expect((await history({ source: "seller_central", field: "budget" })).rows.map((r) => r.after)).toEqual(["37.5000"]);
    const second = await history({ pageSize: 10, page: 2 });
    expect(second.rows).toEqual([]);
    expect(second.count).toBe(4);
  });

  it("streams every change in batches that follow the last row, none twice", async () => {
    const batches: string[][] = [];
    for await (const rows of allHistoryRows(t.db, scope.organizationId, { adProfileId: scope.adProfileId }, 3)) batches.push(rows.map((r) => r.field));
    expect(batches).toEqual([["bid", "state", "budget"], ["created"]]);
  });

  it("is another organization's only for its own profile", async () => {
    await expect(other.caller.advertising.history({ adProfileId: scope.adProfileId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const own = await other.caller.advertising.history({ adProfileId: otherScope.adProfileId });
    expect(own.rows.map((r) => r.entityLabel)).toEqual(["Rival campaign"]);
  });
});

describe("the history's CSV", () => {
  const exportAs = (userId: string | null, query: Record<string, string>) =>
    exportAdHistory({ db: t.db, userId, requestedOrganizationId: undefined }, new URLSearchParams(query), at("2026-06-10T00:00:00Z"));

  it("holds exactly what the filters select, in the profile's time, spreadsheet-safe", async () => {
    const response = await exportAs(member.user.id, { profile: scope.adProfileId, kind: "keyword" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="ad-history-US-2026-06-10.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte-order mark first, for spreadsheet programs (decoding text drops it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).split("\r\n")).toEqual([
      "When (profile time),Who,Kind,Entity id,Entity,Campaign id,Field,Before,After,Source,Result,Message",
      // 17:00 UTC is 10:00 in Los Angeles (summer time); a label starting with "=" is not run as a formula.
      `2026-06-04 10:00:00,${member.user.name},Keyword,301,'=steel kettle,101,Bid,0.7500,0.9000,In the app,Refused by Amazon,"Bid above the campaign's budget, refused"`,
      "",
    ]);
    const all = await (await exportAs(member.user.id, { profile: scope.adProfileId })).text();
    expect(all.trim().split("\r\n")).toHaveLength(5);
    expect(all).toContain("Seller Central,Campaign,101,Kettles exact,101,Daily budget,25.0000,37.5000,Seller Central,Detected by a sync,");
  });

  it("refuses strangers, other organizations' profiles and unfit filters in plain words", async () => {
    expect((await exportAs(null, { profile: scope.adProfileId })).status).toBe(401);
    const foreign = await exportAs(other.user.id, { profile: scope.adProfileId });
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain("Kettles");
    const bad = await exportAs(member.user.id, { profile: scope.adProfileId, kind: "everything" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^The export was not accepted: kind: /);
  });
});
