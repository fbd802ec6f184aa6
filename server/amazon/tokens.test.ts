import { execFileSync } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { amazonGrants } from "~/db/schema";
import type { RunningSandbox } from "~/sandbox";
import { consentOnAmazon, startTestAmazon } from "~/test/amazon-sandbox";
import { createMemberOf } from "~/test/factories";
import { completeAdsAuthorization, startAdsAuthorization } from "./authorization/ads";
import { completeStoreAuthorization, startStoreAuthorization } from "./authorization/store";
import { getAccessToken, GrantNeedsReauthorizationError } from "./tokens";

let t: TestDatabase;
let amazon: RunningSandbox;
/** Every token Amazon handed out in this file, to search the database dump for. */
const issuedSecrets = new Set<string>();
const publish = async () => {};

/** fetch that counts LWA refreshes and remembers every token in LWA's answers. */
function observedFetch() {
  const calls = { refreshes: 0 };
  const fn: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (String(input).endsWith("/auth/o2/token")) {
      if (String(init?.body).includes("grant_type=refresh_token")) calls.refreshes += 1;
      const body = (await response.clone().json()) as { access_token?: string; refresh_token?: string };
      if (body.access_token) issuedSecrets.add(body.access_token);
      if (body.refresh_token) issuedSecrets.add(body.refresh_token);
    }
    return response;
  };
  return { fn, calls };
}

async function authorizedStore(sellerIndex: number) {
  const m = await createMemberOf(t.db, "owner");
  const actor = { userId: m.user.id, organizationId: m.organizationId, role: "owner" as const };
  const { url } = await startStoreAuthorization(t.db, actor, "na");
  const query = await consentOnAmazon(url, amazon.sandbox.world.sellers[sellerIndex]!.sellerId);
  const { fn } = observedFetch();
  const { storeId } = await completeStoreAuthorization({ db: t.db, publish, fetch: fn }, m.user.id, query);
  const [grant] = await t.db.select().from(amazonGrants).where(eq(amazonGrants.organizationId, m.organizationId));
  return { m, actor, storeId, grantId: grant!.id };
}

beforeAll(async () => {
  t = await createTestDatabase();
  amazon = await startTestAmazon();
});
afterAll(async () => {
  await amazon.close();
  await t.drop();
});

describe("access tokens", () => {
  it("50 concurrent callers cause exactly one refresh, and then the cache answers", async () => {
    const { grantId } = await authorizedStore(0);
    const { fn, calls } = observedFetch();
    const tokens = await Promise.all(Array.from({ length: 50 }, () => getAccessToken(t.db, grantId, { fetch: fn })));
    expect(new Set(tokens).size).toBe(1);
    expect(calls.refreshes).toBe(1);
    await getAccessToken(t.db, grantId, { fetch: fn });
    expect(calls.refreshes).toBe(1);
    // Close to expiry it refreshes ahead of time.
    const late = () => new Date(Date.now() + 58 * 60 * 1000);
    await getAccessToken(t.db, grantId, { fetch: fn, now: late });
    expect(calls.refreshes).toBe(2);
  });

  it("refreshes once across processes (separate module instances contend on the database lock)", async () => {
    const { grantId } = await authorizedStore(1);
    const { fn, calls } = observedFetch();
    vi.resetModules();
    const other = await import("./tokens");
    const [a, b] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, () => getAccessToken(t.db, grantId, { fetch: fn }))),
      Promise.all(Array.from({ length: 10 }, () => other.getAccessToken(t.db, grantId, { fetch: fn }))),
    ]);
    expect(new Set([...a, ...b]).size).toBe(1);
    expect(calls.refreshes).toBe(1);
  });

  it("marks a revoked grant as needing re-authorization, and re-authorizing resumes it", async () => {
    const { m, grantId } = await authorizedStore(2);
    const seller = amazon.sandbox.world.sellers[2]!;
    amazon.sandbox.lwa.revokeSeller("sp", seller.sellerId);
    const { fn } = observedFetch();
    await expect(getAccessToken(t.db, grantId, { fetch: fn })).rejects.toBeInstanceOf(GrantNeedsReauthorizationError);
    const [grant] = await t.db.select().from(amazonGrants).where(eq(amazonGrants.id, grantId));
    expect(grant).toMatchObject({ status: "needs_reauthorization", statusReason: expect.stringMatching(/invalid_grant/) });

    const actor = { userId: m.user.id, organizationId: m.organizationId, role: "owner" as const };
    const query = await consentOnAmazon((await startStoreAuthorization(t.db, actor, "na")).url, seller.sellerId);
    const result = await completeStoreAuthorization({ db: t.db, publish, fetch: fn }, m.user.id, query);
    expect(result.reauthorized).toBe(true);
    const [resumed] = await t.db.select().from(amazonGrants).where(eq(amazonGrants.id, grantId));
    expect(resumed).toMatchObject({ status: "active", statusReason: null });
    await expect(getAccessToken(t.db, grantId, { fetch: fn })).resolves.toMatch(/^Atza\|/);
  });
});

describe("secrets at rest", () => {
  it("a dump of the database holds no refresh token, access token or client secret in clear text", async () => {
    const m = await createMemberOf(t.db, "owner");
    const actor = { userId: m.user.id, organizationId: m.organizationId, role: "owner" as const };
    const { fn } = observedFetch();
    const query = await consentOnAmazon((await startAdsAuthorization(t.db, actor, "na")).url, amazon.sandbox.world.sellers[0]!.sellerId, "allow");
    await completeAdsAuthorization({ db: t.db, publish, fetch: fn }, m.user.id, query);
    expect(issuedSecrets.size).toBeGreaterThan(4);

    const dump = databaseDump(t.url) ?? (await sqlDump());
    expect(dump).toContain("amazon_grants");
    for (const secret of [...issuedSecrets, amazon.credentials.spApiClientSecret, amazon.credentials.adsClientSecret]) {
      expect(dump.includes(secret), `the dump contains ${secret.slice(0, 12)}…`).toBe(false);
    }
  });
});

/** pg_dump when its version can read the server; otherwise every row of every table, as text. */
function databaseDump(url: string): string | null {
  try {
    return execFileSync("pg_dump", ["--data-only", url], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return null;
  }
}

async function sqlDump(): Promise<string> {
  const tables = await t.sql<{ s: string; n: string }[]>`
    select table_schema as s, table_name as n from information_schema.tables
    where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'`;
  const parts: string[] = [];
  for (const { s, n } of tables) {
    const rows = await t.sql.unsafe(`select t::text as row from "${s}"."${n}" t`);
    parts.push(n, ...rows.map((r) => String(r.row)));
  }
  return parts.join("\n");
}
