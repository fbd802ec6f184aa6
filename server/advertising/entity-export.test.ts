import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createMemberOf, createStore } from "~/test/factories";
import { exportAdEntities } from "./entity-export";
import { insertEntity, type ProfileScope } from "./testing";

let t: TestDatabase;
let member: Awaited<ReturnType<typeof createMemberOf>>;
let other: Awaited<ReturnType<typeof createMemberOf>>;
let scope: ProfileScope;
let otherScope: ProfileScope;

beforeAll(async () => {
  t = await createTestDatabase();
  member = await createMemberOf(t.db, "viewer");
  other = await createMemberOf(t.db, "owner");
  scope = { organizationId: member.organizationId, adProfileId: (await createStore(t.db, member.organizationId)).adProfile.id };
  otherScope = { organizationId: other.organizationId, adProfileId: (await createStore(t.db, other.organizationId)).adProfile.id };
  // More campaigns than one page of the export reads, so the stream must page.
  for (let i = 0; i < 520; i++)
    await insertEntity(t.db, scope, { kind: "campaign", entityId: `9${String(i).padStart(4, "0")}`, campaignId: `9${String(i).padStart(4, "0")}`, name: `Campaign ${i}, "quoted"`, budget: "12.5000", targetingType: "MANUAL", state: i % 2 ? "PAUSED" : "ENABLED" });
  await insertEntity(t.db, scope, { kind: "campaign", entityId: "77", campaignId: "77", name: "Old", budget: "1.0000", state: "ARCHIVED" });
  await insertEntity(t.db, otherScope, { kind: "campaign", entityId: "55", campaignId: "55", name: "Rival campaign", budget: "9.0000" });
}, 120_000);
afterAll(async () => t.drop());

const exportAs = (userId: string | null, query: Record<string, string>) =>
  exportAdEntities({ db: t.db, userId, requestedOrganizationId: undefined }, new URLSearchParams(query), new Date("2026-06-10T00:00:00Z"));

describe("an Advertising table's CSV", () => {
  it("holds every row the filters select across pages, archived ones only when asked, with exact money and its currency", async () => {
    const response = await exportAs(member.user.id, { list: "campaigns", profile: scope.adProfileId, range: "7d" });
    expect(response.headers.get("content-disposition")).toMatch(/ad-campaigns-.*2026-06-10\.csv/);
    const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toMatch(/^Kind,Id,Name \/ targeting,State/);
    expect(lines).toHaveLength(1 + 520);
    expect(lines.find((l) => l.includes(",90007,"))).toMatch(/^Campaign,90007,"Campaign 7, ""quoted""",Paused,.*,12\.5000,.*,USD,/);
    expect(lines.some((l) => l.includes("Old"))).toBe(false);

    const paused = (await (await exportAs(member.user.id, { list: "campaigns", profile: scope.adProfileId, state: "paused" })).text()).trim().split("\r\n");
    expect(paused).toHaveLength(1 + 260);
    const archived = await (await exportAs(member.user.id, { list: "campaigns", profile: scope.adProfileId, archived: "1", q: "Old" })).text();
    expect(archived).toContain(",77,Old,Archived,");
  });

  it("refuses strangers, another organization's profile and a malformed request", async () => {
    expect((await exportAs(null, { list: "campaigns", profile: scope.adProfileId })).status).toBe(401);
    expect((await exportAs(other.user.id, { list: "campaigns", profile: scope.adProfileId })).status).toBe(404);
    const own = await (await exportAs(member.user.id, { list: "campaigns", profile: scope.adProfileId })).text();
    expect(own).not.toContain("Rival campaign");
    expect((await exportAs(member.user.id, { list: "everything", profile: scope.adProfileId })).status).toBe(400);
  });
});
