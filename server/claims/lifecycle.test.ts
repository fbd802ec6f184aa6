import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimCaseEvents, claimCases } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { UserFacingError } from "~/server/accounts/errors";
import { addDays, localToday } from "~/server/sync/windows";
import { createClaimCase } from "~/test/claim-factories";
import { callerFor, createMemberOf, createStore } from "~/test/factories";
import { submitClaim, withdrawSubmission } from "./lifecycle";
import { claimDetail } from "./queries";

/*
 * The seller's side of a case, driven by the clock: a customer return refunded on 1 January 2026 may be
 * claimed from 2 March to 1 May (60 to 120 days, North America). The marketplace is Los Angeles; each `at`
 * is noon there on that day.
 */

let t: TestDatabase;
let owner: Awaited<ReturnType<typeof createMemberOf>>;
let store: Awaited<ReturnType<typeof createStore>>;

const at = (day: string) => new Date(`${day}T19:00:00Z`);
const refused = (code: string) => (e: unknown) => e instanceof UserFacingError && e.code === code;
const trpcRefused = (code: TRPCError["code"]) => (e: unknown) => e instanceof TRPCError && e.code === code;

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await createMemberOf(t.db, "owner");
  store = await createStore(t.db, owner.organizationId);
});
afterAll(async () => t.drop());

// Found by the analysis the day before its window opened.
const aReturn = (o: Parameters<typeof createClaimCase>[2] = {}) => createClaimCase(t.db, store, { kind: "customer_return", eventDay: "2026-01-01", now: at("2026-03-01"), ...o });
const submit = (caseId: string, submittedOn: string, now: Date, amazonCaseId = "12345678901", who = owner) =>
  submitClaim(t.db, { organizationId: who.organizationId, userId: who.user.id, caseId, amazonCaseId, submittedOn }, now);
const statusOn = async (caseId: string, day: string) => (await claimDetail(t.db, owner.organizationId, caseId, at(day)))!.status;

describe("submitting a claim", () => {
  it("records the Amazon case id and day, who filed it and the transition; 30 days without an answer it lapses", async () => {
    const c = await aReturn();
    expect(c).toMatchObject({ eligibleFrom: "2026-03-02", deadline: "2026-05-01" });
    expect(await statusOn(c.id, "2026-03-01")).toBe("waiting");
    expect(await submit(c.id, "2026-03-10", at("2026-03-12"), " 12345678901 ")).toEqual({ status: "submitted", attempt: 1, lapsesOn: "2026-04-09" });
    const detail = (await claimDetail(t.db, owner.organizationId, c.id, at("2026-03-12")))!;
    expect(detail).toMatchObject({ status: "submitted", amazonCaseId: "12345678901", submittedOn: "2026-03-10", submissions: 1, submittedBy: owner.user.name, lapsesOn: "2026-04-09", canSubmit: false });
    expect(detail.events.map((e) => [e.transition, e.actor, e.detail])).toEqual([
      ["submitted", owner.user.name, { amazonCaseId: "12345678901", submittedOn: "2026-03-10", attempt: 1, previousLapsedAt: null }],
      ["found", null, { units: 1 }],
    ]);
    expect(await statusOn(c.id, "2026-04-08")).toBe("submitted");
    expect(await statusOn(c.id, "2026-04-09")).toBe("lapsed");
  });

  it("files a lapsed case again: a second attempt, the lapse cleared; not dated before the lapse", async () => {
    const c = await aReturn();
    await submit(c.id, "2026-03-02", at("2026-03-02"), "11111111111");
    // The analysis marks the lapse; the seller files again.
    await t.db.update(claimCases).set({ lapsedAt: at("2026-04-01") }).where(eq(claimCases.id, c.id));
    expect(await statusOn(c.id, "2026-04-05")).toBe("lapsed");
    await expect(submit(c.id, "2026-03-31", at("2026-04-05"))).rejects.toSatisfy(refused("bad_request"));
    expect(await submit(c.id, "2026-04-03", at("2026-04-05"), "22222222222")).toEqual({ status: "submitted", attempt: 2, lapsesOn: "2026-05-03" });
    const [row] = await t.db.select().from(claimCases).where(eq(claimCases.id, c.id));
    expect(row).toMatchObject({ amazonCaseId: "22222222222", submittedOn: "2026-04-03", submissions: 2, lapsedAt: null });
    const events = (await claimDetail(t.db, owner.organizationId, c.id, at("2026-04-05")))!.events;
    expect(events.map((e) => [e.transition, e.detail.attempt ?? null])).toEqual([["submitted", 2], ["submitted", 1], ["found", null]]);
    // Its second lapse would fall after the deadline: the case then expires instead.
    expect(await statusOn(c.id, "2026-05-03")).toBe("expired");
  });

  it("refuses a case that is waiting, expired, reimbursed or settled by Amazon", async () => {
    const c = await aReturn();
    await expect(submit(c.id, "2026-02-20", at("2026-02-20"))).rejects.toSatisfy(refused("conflict"));
    await expect(submit(c.id, "2026-05-02", at("2026-05-02"))).rejects.toSatisfy(refused("conflict"));
    const reimbursed = await aReturn({ resolution: "reimbursed", reimbursementId: "RB1", reimbursedAmount: "10.0000" });
    await expect(submit(reimbursed.id, "2026-03-10", at("2026-03-10"))).rejects.toSatisfy(refused("conflict"));
    const found = await aReturn({ resolution: "returned" });
    await expect(submit(found.id, "2026-03-10", at("2026-03-10"))).rejects.toSatisfy(refused("conflict"));
    const [untouched] = await t.db.select().from(claimCases).where(eq(claimCases.id, c.id));
    expect(untouched).toMatchObject({ submissions: 0, submittedOn: null, amazonCaseId: null });
  });

  it("refuses an Amazon case id that is not 8 to 15 digits, and a day that is not real, in the future or before the refund", async () => {
    const c = await aReturn();
    for (const id of ["1234567", "1234567890123456", "12-3456789", "CASE12345678", ""])
      await expect(submit(c.id, "2026-03-10", at("2026-03-12"), id)).rejects.toSatisfy(refused("bad_request"));
    // The 12th in Los Angeles (the 13th already in UTC): the 13th is tomorrow there.
    const evening = new Date("2026-03-13T05:00:00Z");
    expect(localToday(store.marketplace.timeZone, evening)).toBe("2026-03-12");
    for (const day of ["2026-02-30", "2026-03-13", "2025-12-31", "12/03/2026"])
      await expect(submit(c.id, day, evening)).rejects.toSatisfy(refused("bad_request"));
    expect(await submit(c.id, "2026-03-12", evening, "1234567890")).toMatchObject({ status: "submitted" });
  });

  it("files a case once when two submissions race: the second finds it submitted", async () => {
    const c = await aReturn();
    // Another session holds the row while both start, so both reach the case at the same moment once it lets go.
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = t.sql.begin(async (sql) => {
      await sql`select id from claim_cases where id = ${c.id} for update`;
      locked();
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    await isLocked;
    const racing = Promise.allSettled([submit(c.id, "2026-03-10", at("2026-03-10"), "33333333333"), submit(c.id, "2026-03-10", at("2026-03-10"), "44444444444")]);
    await holder;
    const results = await racing;
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toSatisfy(refused("conflict"));
    const [row] = await t.db.select().from(claimCases).where(eq(claimCases.id, c.id));
    expect(row!.submissions).toBe(1);
    const submitted = await t.db.select().from(claimCaseEvents).where(eq(claimCaseEvents.claimCaseId, c.id));
    expect(submitted.filter((e) => e.transition === "submitted")).toHaveLength(1);
  });
});

describe("undoing a submission", () => {
  it("reopens a case recorded as submitted by mistake, only while it waits for Amazon", async () => {
    const c = await aReturn();
    await expect(withdrawSubmission(t.db, { organizationId: owner.organizationId, userId: owner.user.id, caseId: c.id }, at("2026-03-10"))).rejects.toSatisfy(refused("conflict"));
    await submit(c.id, "2026-03-10", at("2026-03-10"));
    expect(await withdrawSubmission(t.db, { organizationId: owner.organizationId, userId: owner.user.id, caseId: c.id }, at("2026-03-11"))).toEqual({ status: "open" });
    const detail = (await claimDetail(t.db, owner.organizationId, c.id, at("2026-03-11")))!;
    expect(detail).toMatchObject({ status: "open", amazonCaseId: null, submittedOn: null, submittedBy: null, submissions: 0 });
    expect(detail.events[0]).toMatchObject({ transition: "reopened", actor: owner.user.name, detail: { withdrawnAmazonCaseId: "12345678901", withdrawnSubmittedOn: "2026-03-10", attempt: 1 } });
  });

  it("undoing a second filing brings back the first, lapsed, with its case id", async () => {
    const c = await aReturn();
    await submit(c.id, "2026-03-02", at("2026-03-02"), "11111111111");
    const lapsedAt = at("2026-04-01");
    await t.db.update(claimCases).set({ lapsedAt }).where(eq(claimCases.id, c.id));
    await submit(c.id, "2026-04-02", at("2026-04-02"), "22222222222");
    expect(await withdrawSubmission(t.db, { organizationId: owner.organizationId, userId: owner.user.id, caseId: c.id }, at("2026-04-03"))).toEqual({ status: "lapsed" });
    const [row] = await t.db.select().from(claimCases).where(eq(claimCases.id, c.id));
    expect(row).toMatchObject({ amazonCaseId: "11111111111", submittedOn: "2026-03-02", submittedBy: owner.user.id, submissions: 1, lapsedAt });
  });
});

describe("who may file, and whose case", () => {
  it("another organization neither sees nor files nor undoes a case: not found, and nothing changes", async () => {
    const c = await aReturn({ eventDay: addDays(localToday(store.marketplace.timeZone, new Date()), -70), now: new Date() });
    const other = await createMemberOf(t.db, "owner");
    await createClaimCase(t.db, await createStore(t.db, other.organizationId));
    const today = localToday(store.marketplace.timeZone, new Date());
    await expect(submit(c.id, today, new Date(), "12345678901", other)).rejects.toSatisfy(refused("not_found"));
    await expect(withdrawSubmission(t.db, { organizationId: other.organizationId, userId: other.user.id, caseId: c.id })).rejects.toSatisfy(refused("not_found"));
    await expect(other.caller.claims.detail({ caseId: c.id })).rejects.toSatisfy(trpcRefused("NOT_FOUND"));
    await expect(other.caller.claims.submit({ caseId: c.id, amazonCaseId: "12345678901", submittedOn: today })).rejects.toSatisfy(trpcRefused("NOT_FOUND"));
    // …even with the owner's organization as its active one.
    await expect(callerFor(t.db, other.user.id, owner.organizationId).claims.submit({ caseId: c.id, amazonCaseId: "12345678901", submittedOn: today })).rejects.toSatisfy(trpcRefused("NOT_FOUND"));
    expect(JSON.stringify(await other.caller.claims.list({}))).not.toContain(c.id);
    const [row] = await t.db.select().from(claimCases).where(eq(claimCases.id, c.id));
    expect(row).toMatchObject({ submissions: 0, amazonCaseId: null });
    // A malformed id is no case either.
    await expect(submit("not-a-uuid", today, new Date())).rejects.toSatisfy(refused("not_found"));
  });

  it("a viewer reads the case but may not file it or undo it (FORBIDDEN); an operator may", async () => {
    const c = await aReturn({ eventDay: addDays(localToday(store.marketplace.timeZone, new Date()), -70), now: new Date() });
    const today = localToday(store.marketplace.timeZone, new Date());
    const viewer = await createMemberOf(t.db, "viewer", owner.organizationId);
    expect((await viewer.caller.claims.detail({ caseId: c.id })).canSubmit).toBe(true);
    await expect(viewer.caller.claims.submit({ caseId: c.id, amazonCaseId: "12345678901", submittedOn: today })).rejects.toSatisfy(trpcRefused("FORBIDDEN"));
    const operator = await createMemberOf(t.db, "operator", owner.organizationId);
    expect(await operator.caller.claims.submit({ caseId: c.id, amazonCaseId: "12345678901", submittedOn: today })).toMatchObject({ status: "submitted", attempt: 1 });
    await expect(viewer.caller.claims.withdraw({ caseId: c.id })).rejects.toSatisfy(trpcRefused("FORBIDDEN"));
    // Filing it twice through the router is refused with a sentence, not a server error.
    await expect(operator.caller.claims.submit({ caseId: c.id, amazonCaseId: "12345678901", submittedOn: today })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "CONFLICT" && /cannot be filed now: it is submitted/.test(e.message),
    );
    expect(await operator.caller.claims.withdraw({ caseId: c.id })).toEqual({ status: "open" });
  });
});
