import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { amazonGrants, stores } from "~/db/schema";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import type { RunningSandbox } from "~/sandbox";
import { startAdsAuthorization } from "~/server/amazon/authorization/ads";
import { startStoreAuthorization } from "~/server/amazon/authorization/store";
import { resolveActiveMembership } from "~/server/organizations/membership";
import { consentOnAmazon, startTestAmazon } from "~/test/amazon-sandbox";
import { createMemberOf } from "~/test/factories";

/*
 * Tenant isolation beyond tRPC: every route handler and every server action of the app is listed here
 * with what keeps one organization out of another's data, and probed where it takes ids or codes from
 * the request. A new route or action fails the first test until someone says how it is guarded. (The
 * executor's own port is guarded by its keys: inngest/engine/__tests__/auth.test.ts.)
 */

const APP = path.resolve(import.meta.dirname);

/** Each entry point, and where its tenant guard is proven. */
const GUARDED: Record<string, string> = {
  "api/trpc/[trpc]/route.ts GET POST": "every organization-scoped procedure: server/trpc/tenant-isolation.test.ts",
  "api/auth/[...nextauth]/route.ts GET POST": "Auth.js for the signed-in user only; no organization data",
  "api/inngest/route.ts GET POST PUT": "only calls signed with the executor's key run: app/api/inngest/route.test.ts",
  "api/export/[list]/route.ts GET": "the organization comes from the session's membership, never the URL: server/lists/lists.test.ts",
  "api/export/sales-summary/route.ts GET": "the organization comes from the session's membership, never the URL: server/sales/summary.test.ts",
  "api/export/claims/route.ts GET": "the organization comes from the session's membership, never the URL: server/claims/export.test.ts",
  "api/export/ad-history/route.ts GET": "the organization comes from the session's membership, never the URL: server/advertising/change-history.test.ts",
  "api/export/ad-entities/route.ts GET": "the organization comes from the session's membership, never the URL: server/advertising/entity-export.test.ts",
  "api/export/product-costs/route.ts GET": "the organization comes from the session's membership, never the URL: server/costs/export.test.ts",
  "api/export/product-costs/template/route.ts GET": "the organization comes from the session's membership, never the URL: server/costs/export.test.ts",
  "api/export/ad-search-terms/route.ts GET": "the organization comes from the session's membership, never the URL: server/advertising/search-terms.test.ts",
  "api/amazon/store/callback/route.ts GET": "the state is bound to the user who started it: probed below",
  "api/amazon/ads/callback/route.ts GET": "the state is bound to the user who started it: probed below",
  "(app)/actions.ts acceptInvitationAction createOrganizationAction switchOrganizationAction":
    "switching stores only an organization the user belongs to (probed below); creating makes one of the user's own; " +
    "accepting needs the invitation's secret single-use token (server/organizations/organizations.test.ts)",
  "(auth)/actions.ts signInAction signOutAction signUpAction": "the user's own session; no organization data",
  "(app)/settings/account/actions.ts changePasswordAction": "the user's own password, through account.changePassword",
};

function entryPoints(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const text = fs.readFileSync(full, "utf8");
        const rel = path.relative(APP, full);
        if (entry.name === "route.ts") {
          const HTTP = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS";
          const methods = [
            ...text.matchAll(new RegExp(`export (?:const|async function|function) (${HTTP})\\b|\\bas (${HTTP})\\b|export const \\{ ([A-Z, ]+) \\}`, "g")),
          ]
            .flatMap((m) => (m[1] ?? m[2] ?? m[3]!).split(",").map((x) => x.trim()))
            .sort();
          found.push(`${rel} ${methods.join(" ")}`);
        } else if (/^["']use server["']/.test(text.trimStart())) {
          const actions = [...text.matchAll(/export async function (\w+)/g)].map((m) => m[1]!).sort();
          found.push(`${rel} ${actions.join(" ")}`);
        }
      }
    }
  };
  walk(APP);
  return found.sort();
}

it("every route handler and server action says how it keeps organizations apart", () => {
  expect(entryPoints()).toEqual(Object.keys(GUARDED).sort());
});

describe("probed entry points", () => {
  let t: TestDatabase;
  let amazon: RunningSandbox;
  beforeAll(async () => {
    t = await createTestDatabase();
    amazon = await startTestAmazon();
  });
  afterAll(async () => {
    await amazon?.close();
    await t?.drop();
  });

  it("the Amazon callbacks refuse another user's authorization, and write nothing", async () => {
    const { handleAmazonCallback } = await import("~/server/amazon/authorization/callback");
    const victim = await createMemberOf(t.db, "owner");
    const attacker = await createMemberOf(t.db, "owner");
    const victimActor = { userId: victim.user.id, organizationId: victim.organizationId, role: "owner" as const };
    const published: unknown[] = [];
    const asAttacker = { db: t.db, publish: async (e: unknown) => void published.push(e), currentUserId: async () => attacker.user.id };
    const seller = amazon.sandbox.world.sellers[0]!.sellerId;

    for (const kind of ["store", "ads"] as const) {
      const start = kind === "store" ? startStoreAuthorization : startAdsAuthorization;
      // The victim went to Amazon; the attacker replays the victim's redirect in their own session.
      const query = await consentOnAmazon((await start(t.db, victimActor, "na")).url, seller, kind === "store" ? "confirm" : "allow");
      const response = await handleAmazonCallback(kind, new Request(`http://localhost:3999/api/amazon/${kind}/callback?${query}`), asAttacker);
      expect(response.status).toBe(303);
      expect(new URL(response.headers.get("location")!).searchParams.get("error")).toBe("wrong_user");
    }
    expect(published).toEqual([]);
    for (const organizationId of [victim.organizationId, attacker.organizationId]) {
      expect(await t.db.select().from(stores).where(eq(stores.organizationId, organizationId))).toEqual([]);
      expect(await t.db.select().from(amazonGrants).where(eq(amazonGrants.organizationId, organizationId))).toEqual([]);
    }
  });

  it("switching organization never lands in one the user does not belong to", async () => {
    const victim = await createMemberOf(t.db, "owner");
    const attacker = await createMemberOf(t.db, "viewer");
    const active = await resolveActiveMembership(t.db, attacker.user.id, victim.organizationId);
    expect(active?.organizationId).toBe(attacker.organizationId);
  });
});
