import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { amazonAccessTokens, amazonGrants } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { createHarness, ManualClock, testClient, type Harness } from "~/inngest/engine/testing";
import type { RunningSandbox } from "~/sandbox";
import { completeStoreAuthorization, startStoreAuthorization } from "~/server/amazon/authorization/store";
import { getSpReportDocument, streamReportDocument, type SpReportRow } from "~/server/amazon/sp-reports";
import { consentOnAmazon, startTestAmazon } from "~/test/amazon-sandbox";
import { createMemberOf } from "~/test/factories";
import { runReports } from "./reports";
import type { RunScope } from "./scope";
import { spReportApi } from "./sp-report-api";
import { KitSteps } from "./steps";

const REPORT = "GET_FBA_REIMBURSEMENTS_DATA";
const US = "ATVPDKIKX0DER";
const DAY = 86_400_000;

let db: TestDatabase;
let amazon: RunningSandbox;
let h: Harness;
let grantId: string;
let sellerId: string;
/** One clock for the executor's sleeps and the sandbox Amazon's time: a sleep of 4 h is 4 h for Amazon too. */
const clock = new ManualClock(new Date("2030-01-01T00:00:00.000Z"));

/** Every request that reached Amazon (API, or the document's presigned URL), in order, with the clock then. */
interface Seen {
  at: number;
  kind: "createReport" | "getReport" | "getReportDocument" | "download" | "other";
  reportId?: string;
  status?: string;
}
let seen: Seen[] = [];
const observed: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const response = await fetch(input, init);
  const at = clock.now().getTime();
  const method = (init?.method ?? "GET").toUpperCase();
  if (url.pathname === "/reports/2021-06-30/reports" && method === "POST") {
    const body = (await response.clone().json()) as { reportId?: string };
    seen.push({ at, kind: "createReport", reportId: body.reportId });
  } else if (url.pathname.startsWith("/reports/2021-06-30/reports/")) {
    // A poll Amazon refused (an access token it dropped early, renewed at once) is not a poll of the report.
    if (!response.ok) return response;
    const body = (await response.clone().json()) as { reportId?: string; processingStatus?: string };
    seen.push({ at, kind: "getReport", reportId: body.reportId, status: body.processingStatus });
  } else if (url.pathname.startsWith("/reports/2021-06-30/documents/")) seen.push({ at, kind: "getReportDocument" });
  else if (url.pathname.startsWith("/__docs/")) seen.push({ at, kind: "download", status: String(response.status) });
  else seen.push({ at, kind: "other" });
  return response;
};

/** The rows each run loaded, by the event's key: "the store" of this test. */
const loaded = new Map<string, SpReportRow[]>();

const tc = testClient("sp-report-test");
const fn = tc.client.createFunction(
  { id: "load-reimbursements", retries: 0, triggers: [{ event: "test/sp-report.requested" }] },
  async ({ event, step }) => {
    const d = event.data as { key: string; from: string; to: string };
    const scope: RunScope = { kind: "store_marketplace", organizationId: "", scopeId: "", timeZone: "UTC", grantId, region: "na", quotaScope: sellerId };
    const steps = new KitSteps(step, db.db, scope, observed);
    const api = spReportApi("na", { label: "FBA reimbursements", fatalCooldownSeconds: 4 * 3600 });
    const request = { reportType: REPORT, marketplaceIds: [US], dataStartTime: d.from, dataEndTime: d.to };
    const [report] = await runReports(steps, api, "reimbursements", [{ key: "all", request }]);
    if (report!.state.state === "no_data") return { status: "no_data", reportId: report!.reportId, apiCalls: steps.apiCalls };
    const documentId = report!.state.document!;
    const count = await steps.amazon("reimbursements-load", async (caller) => {
      const document = await getSpReportDocument(caller, "na", documentId);
      const rows: SpReportRow[] = [];
      const n = await streamReportDocument(document.url, document.compressionAlgorithm, async (batch) => void rows.push(...batch), { fetch: observed, batchSize: 10 });
      loaded.set(d.key, rows);
      return n;
    });
    return { status: "loaded", reportId: report!.reportId, apiCalls: steps.apiCalls, rows: count };
  },
);
const FN_ID = "sp-report-test-load-reimbursements";

const quotaScaleBefore = process.env.AMAZON_QUOTA_SCALE;
beforeAll(async () => {
  // Hours of the shared clock pass in seconds of real time, which our quota buckets run on: scale them as
  // the accelerated sandbox demos do (Amazon's own buckets follow the shared clock).
  process.env.AMAZON_QUOTA_SCALE = "1000";
  db = await createTestDatabase();
  amazon = await startTestAmazon({ volume: "small", reportDelaySeconds: 60, now: () => clock.now() });
  sellerId = amazon.sandbox.world.sellers[0]!.sellerId;
  const m = await createMemberOf(db.db, "owner");
  const actor = { userId: m.user.id, organizationId: m.organizationId, role: "owner" as const };
  const query = await consentOnAmazon((await startStoreAuthorization(db.db, actor, "na")).url, sellerId);
  await completeStoreAuthorization({ db: db.db, publish: async () => {} }, m.user.id, query);
  const [grant] = await db.db.select().from(amazonGrants).where(eq(amazonGrants.organizationId, m.organizationId));
  grantId = grant!.id;
  h = await createHarness({ client: tc, functions: [fn], db, clock });
});
afterAll(async () => {
  if (quotaScaleBefore === undefined) delete process.env.AMAZON_QUOTA_SCALE;
  else process.env.AMAZON_QUOTA_SCALE = quotaScaleBefore;
  await h?.close();
  await amazon?.close();
  await db?.drop();
});
afterEach(async () => {
  await knobs({ reportDelaySeconds: 60 });
  amazon.sandbox.faults.clear();
  delete process.env.SYNC_FATAL_COOLDOWN_SECONDS;
});

async function knobs(body: Record<string, unknown>) {
  const response = await fetch(new URL("/__sandbox/knobs", amazon.origin), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

/** Each test its own data range, so Amazon's regeneration limit for identical requests never joins in. */
function range(daysAgoFrom: number, daysAgoTo: number) {
  const now = clock.now().getTime();
  return { from: new Date(now - daysAgoFrom * DAY).toISOString(), to: new Date(now - daysAgoTo * DAY).toISOString() };
}

async function start(key: string, r: { from: string; to: string }) {
  seen = [];
  await tc.client.send({ name: "test/sp-report.requested", data: { key, ...r } });
  await h.executor.runUntilIdle();
}

async function runOf(key: string) {
  const runs = await h.runsOf(FN_ID);
  return runs.find((r) => (r.event as { data: { key: string } }).data.key === key)!;
}

/**
 * Moves both clocks on. The product's access-token cache reads the real clock, Amazon's expiry the shared
 * one: after a jump of hours the cache is dropped, as real time would have expired it.
 */
let sinceTokenDrop = 0;
async function advance(ms: number) {
  sinceTokenDrop += ms;
  if (sinceTokenDrop >= 30 * 60_000) {
    await db.db.delete(amazonAccessTokens).where(eq(amazonAccessTokens.grantId, grantId));
    sinceTokenDrop = 0;
  }
  await h.advance(ms);
}

/** Moves time on, straight to whatever the executor has due next (a sleep's end), until the run ends. */
async function driveToEnd(key: string, maxSteps = 200) {
  for (let i = 0; i < maxSteps; i++) {
    const run = await runOf(key);
    if (run.status !== "running" && run.status !== "queued") return run;
    const [next] = await db.sql`select min(not_before) as at from executor_queue`;
    if (!next?.at) throw new Error(`run ${key} is ${run.status} with nothing due`);
    await advance(Math.max(1, new Date(next.at as string | Date).getTime() - clock.now().getTime()));
  }
  throw new Error(`run ${key} did not end`);
}

async function truth(r: { from: string; to: string }): Promise<SpReportRow[]> {
  const url = new URL("/__sandbox/truth/report", amazon.origin);
  url.search = new URLSearchParams({ reportType: REPORT, sellerId, marketplaceId: US, ...r }).toString();
  return ((await (await fetch(url)).json()) as { rows: SpReportRow[] }).rows;
}

const kinds = () => seen.map((s) => s.kind).filter((k) => k !== "other");
const amazonSeen = () => seen.filter((s) => s.kind !== "other");

describe("the report kit in an Inngest function, against SP-API Reports", () => {
  it("DONE: polls with sleeps, fetches the document link only once DONE, and loads Amazon's rows", async () => {
    const r = range(120, 60);
    await start("done", r);
    // Created at once, then asleep: nothing polled yet.
    expect(kinds()).toEqual(["createReport"]);
    const run = await driveToEnd("done");
    expect(run.status).toBe("completed");

    const rows = loaded.get("done")!;
    const expected = await truth(r);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows).toEqual(expected);

    // create → polls until DONE → document link → download, in that order; the link asked for only after DONE.
    const k = kinds();
    seen = amazonSeen();
    expect(k[0]).toBe("createReport");
    const doneAt = seen.findIndex((s) => s.kind === "getReport" && s.status === "DONE");
    expect(doneAt).toBeGreaterThan(0);
    expect(seen.slice(0, doneAt).some((s) => s.kind === "getReportDocument" || s.kind === "download")).toBe(false);
    expect(seen.slice(1, doneAt).every((s) => s.kind === "getReport" && (s.status === "IN_QUEUE" || s.status === "IN_PROGRESS"))).toBe(true);
    expect(k.slice(doneAt)).toEqual(["getReport", "getReportDocument", "download"]);
    // Polls follow the sleeps (30 s, then ×1.5): the report takes 60 s, so it is seen DONE at 30 + 45 s.
    expect(seen[doneAt]!.at - seen[0]!.at).toBeGreaterThanOrEqual(75_000);
    expect(seen[doneAt]!.at - seen[0]!.at).toBeLessThan(120_000);

    const apiCalls = seen.filter((s) => s.kind === "createReport" || s.kind === "getReport" || s.kind === "getReportDocument").length;
    expect(run.output).toEqual({ status: "loaded", reportId: seen[0]!.reportId, apiCalls, rows: expected.length });
    expect(apiCalls).toBe(k.length - 1);
  });

  it("CANCELLED: Amazon has no data, so the run ends with no_data and nothing is downloaded", async () => {
    amazon.sandbox.faults.set("createReport", { reportOutcome: "CANCELLED" });
    await start("cancelled", range(59, 50));
    const run = await driveToEnd("cancelled");
    expect(run.status).toBe("completed");
    expect(run.output).toMatchObject({ status: "no_data", reportId: seen[0]!.reportId });
    expect(kinds()).not.toContain("getReportDocument");
    expect(kinds()).not.toContain("download");
    expect(kinds().filter((k) => k === "createReport")).toHaveLength(1);
    expect(loaded.has("cancelled")).toBe(false);
  });

  it("a report id Amazon no longer knows (404) is requested again at once, and the run loads", async () => {
    amazon.sandbox.faults.set("createReport", { reportLost: true });
    const r = range(200, 180);
    await start("lost", r);
    // Only the first report is lost.
    amazon.sandbox.faults.set("createReport", { reportLost: false });
    const run = await driveToEnd("lost");
    expect(run.status).toBe("completed");
    const creates = seen.filter((s) => s.kind === "createReport");
    expect(creates).toHaveLength(2);
    // No regeneration-limit wait: asked for again right after the 404.
    const firstPoll = seen.find((s) => s.kind === "getReport")!;
    expect(creates[1]!.at - firstPoll.at).toBeLessThan(60_000);
    expect(run.output).toMatchObject({ status: "loaded", reportId: creates[1]!.reportId });
    expect(loaded.get("lost")).toEqual(await truth(r));
  });

  it("FATAL once: waits out the reimbursements report's 4-hour regeneration limit, asks again, and loads", async () => {
    amazon.sandbox.faults.set("createReport", { reportOutcome: "FATAL" });
    const r = range(200, 130);
    await start("fatal-once", r);
    amazon.sandbox.faults.clear(); // only the first request fails
    await h.advance(30_000);
    await h.advance(45_000);
    const fatal = seen.find((s) => s.kind === "getReport" && s.status === "FATAL");
    expect(fatal).toBeDefined();

    // Not one minute before the limit is over does it ask again.
    await advance(4 * 3600_000 - 60_000);
    expect(kinds().filter((k) => k === "createReport")).toHaveLength(1);
    const run = await driveToEnd("fatal-once");
    expect(run.status).toBe("completed");
    const creates = seen.filter((s) => s.kind === "createReport");
    expect(creates).toHaveLength(2);
    expect(creates[1]!.at - fatal!.at).toBeGreaterThanOrEqual(4 * 3600_000);
    expect(creates[1]!.at - fatal!.at).toBeLessThan(4 * 3600_000 + 2 * 60_000);
    expect(run.output).toMatchObject({ status: "loaded", reportId: creates[1]!.reportId, rows: (await truth(r)).length });
    expect(loaded.get("fatal-once")).toEqual(await truth(r));
  });

  it("FATAL three times: gives up after two new requests, saying plainly that Amazon failed to generate it", async () => {
    process.env.SYNC_FATAL_COOLDOWN_SECONDS = "600";
    amazon.sandbox.faults.set("createReport", { reportOutcome: "FATAL" });
    await start("fatal-thrice", range(300, 210));
    const run = await driveToEnd("fatal-thrice");
    expect(run.status).toBe("failed");
    expect(JSON.stringify(run.error)).toContain("Amazon failed to generate the FBA reimbursements report 3 times in a row");
    const creates = seen.filter((s) => s.kind === "createReport");
    expect(creates).toHaveLength(3);
    // Each new request came after the (overridden) cooldown, not at once.
    for (const [i, c] of creates.slice(1).entries()) {
      const fatal = seen.find((s) => s.kind === "getReport" && s.status === "FATAL" && s.reportId === creates[i]!.reportId)!;
      expect(c.at - fatal.at).toBeGreaterThanOrEqual(600_000);
    }
    expect(kinds()).not.toContain("getReportDocument");
  });

  it("a report Amazon never finishes: polls at most every 5 minutes, and gives up after 4 hours in plain words", async () => {
    await knobs({ reportDelaySeconds: 6 * 3600 });
    await start("never-done", range(400, 310));
    const run = await driveToEnd("never-done");
    expect(run.status).toBe("failed");
    expect(JSON.stringify(run.error)).toContain("Amazon did not finish the FBA reimbursements report within 4 hours.");
    const polls = seen.filter((s) => s.kind === "getReport");
    expect(polls.every((p) => p.status === "IN_QUEUE" || p.status === "IN_PROGRESS")).toBe(true);
    const gaps = polls.slice(1).map((p, i) => p.at - polls[i]!.at);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(5 * 60_000);
    expect(gaps.at(-1)).toBe(5 * 60_000);
    const lastPoll = polls.at(-1)!.at - seen[0]!.at;
    expect(lastPoll).toBeGreaterThanOrEqual(4 * 3600_000);
    expect(lastPoll).toBeLessThan(4 * 3600_000 + 5 * 60_000);
    // ~50 polls for 4 hours, not one every few seconds.
    expect(polls.length).toBeLessThan(60);
  });
});
