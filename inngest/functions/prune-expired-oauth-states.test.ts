import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oauthStates } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { embeddedInngestEnvironment, generateEventKey, generateSigningKey } from "~/inngest/embedded";
import type { Harness } from "~/inngest/engine/testing";
import { issueState, pruneExpiredStates, STATE_LIFETIME_MS, STATE_RETENTION_AFTER_EXPIRY_MS } from "~/server/amazon/authorization/state";
import { createMemberOf } from "~/test/factories";

/* The production function, served by the real route's exported handlers, fired by the embedded executor's cron. */

let db: TestDatabase;
let h: Harness;

beforeAll(async () => {
  db = await createTestDatabase();
  const keys = { signingKey: generateSigningKey(), eventKey: generateEventKey() };
  Object.assign(process.env, embeddedInngestEnvironment(keys, "http://127.0.0.1:9", "http://127.0.0.1:3000"));
  process.env.DATABASE_URL = db.url;
  const route = await import("~/app/api/inngest/route");
  const { inngest } = await import("~/inngest/client");
  const { functions } = await import("~/inngest/functions");
  const { createHarness } = await import("~/inngest/engine/testing");
  const handlers = { GET: route.GET, POST: route.POST, PUT: route.PUT } as unknown as NonNullable<Parameters<typeof createHarness>[0]["handlers"]>;
  h = await createHarness({ client: { client: inngest, bind: () => undefined }, functions, db, handlers, signingKey: keys.signingKey });
});
afterAll(async () => {
  await h?.close();
  const { db: appDb } = await import("~/db/client");
  await (appDb as unknown as { $client: { end(): Promise<void> } }).$client.end();
  await db?.drop();
});

/** A state row as issueState leaves it, expiring at `expiresAt`, optionally used. */
async function stateExpiringAt(organizationId: string, userId: string, expiresAt: Date, used = false) {
  const stateHash = createHash("sha256").update(randomBytes(16)).digest("hex");
  await db.db.insert(oauthStates).values({ stateHash, organizationId, userId, kind: "store", region: "na", expiresAt, usedAt: used ? expiresAt : null });
  return stateHash;
}

const remaining = async () => (await db.sql`select state_hash from oauth_states order by state_hash`).map((r) => r.state_hash as string).sort();

describe("pruneExpiredStates", () => {
  it("deletes states, used or not, expired longer ago than the retention; keeps recent and live ones", async () => {
    await db.sql`delete from oauth_states`;
    const { organizationId, user } = await createMemberOf(db.db, "owner");
    const now = new Date("2030-06-01T12:00:00Z");
    const past = (ms: number) => new Date(now.getTime() - ms);
    const old = await stateExpiringAt(organizationId, user.id, past(STATE_RETENTION_AFTER_EXPIRY_MS + 1000));
    const oldUsed = await stateExpiringAt(organizationId, user.id, past(STATE_RETENTION_AFTER_EXPIRY_MS + 1000), true);
    const recentlyExpired = await stateExpiringAt(organizationId, user.id, past(60_000));
    await issueState(db.db, { organizationId, userId: user.id, kind: "ads", region: "eu" }, now);
    const live = (await remaining()).filter((s) => ![old, oldUsed, recentlyExpired].includes(s));

    expect(await pruneExpiredStates(db.db, now)).toBe(2);
    expect(await remaining()).toEqual([recentlyExpired, ...live].sort());
    // Once the retention has passed for the rest as well, they go too.
    expect(await pruneExpiredStates(db.db, new Date(now.getTime() + STATE_LIFETIME_MS + STATE_RETENTION_AFTER_EXPIRY_MS + 1000))).toBe(2);
    expect(await remaining()).toEqual([]);
  });
});

describe("prune-expired-oauth-states", () => {
  it("is registered with the daily maintenance cron", async () => {
    const [fn] = await db.sql`select config from executor_functions where id = 'shelfwise-prune-expired-oauth-states'`;
    expect(fn?.config.triggers).toEqual([{ cron: "TZ=UTC 30 3 * * *" }]);
  });

  it("runs daily and deletes what expired more than a day ago", async () => {
    await db.sql`delete from oauth_states`;
    const { organizationId, user } = await createMemberOf(db.db, "owner");
    // The function reads the real clock; the executor's cron runs on the harness's.
    await stateExpiringAt(organizationId, user.id, new Date(Date.now() - 2 * STATE_RETENTION_AFTER_EXPIRY_MS));
    const fresh = await stateExpiringAt(organizationId, user.id, new Date(Date.now() + STATE_LIFETIME_MS));
    expect(await h.runsOf("shelfwise-prune-expired-oauth-states")).toHaveLength(0);

    await h.advance(4 * 60 * 60 * 1000); // past 03:30 UTC on the harness's clock

    const runs = await h.runsOf("shelfwise-prune-expired-oauth-states");
    expect(runs).toMatchObject([{ status: "completed", output: { deleted: 1 } }]);
    expect(await remaining()).toEqual([fresh]);
  });
});
