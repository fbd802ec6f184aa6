import type { RunningSandbox } from "~/sandbox";
import type { TestDatabase } from "~/db/testing";
import { consentOnAmazon } from "./amazon-sandbox";

/**
 * The whole sync machinery in one test process: the sandbox Amazon, the app's real /api/inngest route
 * served over HTTP, and the embedded executor driving it — the same parts `npm start` runs.
 */
export async function startSyncWorld(t: TestDatabase, sandbox: RunningSandbox) {
  process.env.DATABASE_URL = t.url;
  process.env.SYNC_REPORT_POLL_SECONDS ??= "1";
  const { listen } = await import("~/inngest/engine/node-http");
  const { startExecutor } = await import("~/inngest/engine/http-transport");
  // The route module reads INNGEST_DEV when the client is created: the executor's address must be known first.
  const executorPort = await freePort();
  process.env.INNGEST_DEV = `http://127.0.0.1:${executorPort}`;
  const route = await import("~/app/api/inngest/route");
  const app = await listen(async (request) => {
    const handler = route[request.method as "GET" | "POST" | "PUT"];
    return handler(request as never, undefined as never);
  }, { port: 0 });
  process.env.INNGEST_SERVE_ORIGIN = app.url;
  const executor = await startExecutor({ databaseUrl: t.url, appUrl: app.url, port: executorPort, log: () => {}, syncIntervalMs: 60_000 });

  async function authorize(sellerIndex: number) {
    const { createMemberOf } = await import("./factories");
    const { startStoreAuthorization, completeStoreAuthorization } = await import("~/server/amazon/authorization/store");
    const { startAdsAuthorization, completeAdsAuthorization, connectAdProfiles } = await import("~/server/amazon/authorization/ads");
    const { publishWithInngest } = await import("~/server/amazon/inngest-publish");
    const { adProfiles } = await import("~/db/schema");
    const { eq } = await import("drizzle-orm");
    const m = await createMemberOf(t.db, "owner");
    const actor = { userId: m.user.id, organizationId: m.organizationId, role: "owner" as const };
    const seller = sandbox.sandbox.world.sellers[sellerIndex]!;
    const deps = { db: t.db, publish: publishWithInngest };
    const store = await completeStoreAuthorization(deps, m.user.id, await consentOnAmazon((await startStoreAuthorization(t.db, actor, "na")).url, seller.sellerId));
    await completeAdsAuthorization(deps, m.user.id, await consentOnAmazon((await startAdsAuthorization(t.db, actor, "na")).url, seller.sellerId, "allow"));
    const profiles = await t.db.select().from(adProfiles).where(eq(adProfiles.organizationId, m.organizationId));
    await connectAdProfiles(deps, actor, profiles.map((p) => p.id));
    return { member: m, actor, seller, storeId: store.storeId, profiles };
  }

  return {
    executor,
    authorize,
    async close() {
      await executor.stop();
      await app.close();
    },
  };
}

async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as import("node:net").AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Waits until `check` holds, polling; fails with `what` after the timeout. */
export async function eventually<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Decimal strings compared as numbers of the same value, never through floats ("14.5000" = "14.5"). */
export function decimal(value: string | number): string {
  const text = typeof value === "number" ? String(value) : value;
  if (!text.includes(".")) return text;
  return text.replace(/0+$/, "").replace(/\.$/, "");
}
