import type { AddressInfo } from "node:net";
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
  const { embeddedInngestEnvironment, generateEventKey, generateSigningKey } = await import("~/inngest/embedded");
  // The client reads its settings when the route module first loads it: the executor's address and the
  // keys must be in place first. Signed calls, exactly as under `npm start`.
  const executorPort = await freePort();
  const appPort = await freePort();
  const keys = { signingKey: generateSigningKey(), eventKey: generateEventKey() };
  delete process.env.INNGEST_DEV;
  Object.assign(process.env, embeddedInngestEnvironment(keys, `http://127.0.0.1:${executorPort}`, `http://127.0.0.1:${appPort}`));
  const route = await import("~/app/api/inngest/route");
  const app = await listen(async (request) => {
    const handler = route[request.method as "GET" | "POST" | "PUT"];
    return handler(request as never, undefined as never);
  }, { port: appPort });
  const executor = await startExecutor({ databaseUrl: t.url, appUrl: app.url, port: executorPort, keys, log: () => {}, syncIntervalMs: 60_000 });

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

  /** Asks for one sync window now, as the Sync center's button does, and waits for its run to finish. */
  function runWindow(data: { organizationId: string; adProfileId: string; window: string }) {
    return run("ads-performance", { organizationId: data.organizationId, scopeId: data.adProfileId, window: data.window });
  }

  function runOrders(data: { organizationId: string; storeMarketplaceId: string }) {
    return run("orders-incremental", { organizationId: data.organizationId, scopeId: data.storeMarketplaceId, window: "since-yesterday" });
  }

  async function run(task: string, data: { organizationId: string; scopeId: string; window: string }) {
    const { inngest } = await import("~/inngest/client");
    const { syncRuns } = await import("~/db/schema");
    const { and, eq, gt } = await import("drizzle-orm");
    // A request for a window that is still running is dropped (singleton): let earlier runs end first.
    await eventually("earlier sync runs to end", async () => {
      const [row] = await t.sql`select count(*)::int as n from executor_runs where function_id like ${`%sync-${task}`} and status in ('queued', 'running')`;
      return row!.n === 0;
    }, 60_000, describeJobs);
    const since = new Date(Date.now() - 1);
    await inngest.send({ name: `sync/${task}.requested`, data: { ...data, trigger: "manual" } });
    return eventually(() => `a finished ${task} ${data.window} run`, async () => {
      const [run] = await t.db
        .select()
        .from(syncRuns)
        .where(and(eq(syncRuns.scopeId, data.scopeId), eq(syncRuns.window, data.window), gt(syncRuns.startedAt, since)));
      if (run?.status === "failed") throw new Error(`${data.window} failed: ${run.error}`);
      return run && run.status !== "running" ? run : null;
    }, 120_000, describeJobs);
  }

  /** What the executor was doing, for a timeout's message. */
  async function describeJobs() {
    const runs = await t.sql`select id, function_id, status, error from executor_runs order by created_at desc limit 5`;
    const steps = await t.sql`select run_id, name, status, attempts, last_error from executor_steps where last_error is not null or status not in ('completed') order by started_at desc limit 10`;
    return JSON.stringify({ runs, steps }, null, 1).slice(0, 4000);
  }

  return {
    executor,
    authorize,
    run,
    runWindow,
    runOrders,
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
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Waits until `check` holds, polling; fails with `what` after the timeout. */
export async function eventually<T>(
  what: string | (() => string),
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 120_000,
  diagnose?: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${typeof what === "string" ? what : what()}${diagnose ? `\n${await diagnose()}` : ""}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Decimal strings compared as numbers of the same value, never through floats ("14.5000" = "14.5"). */
export function decimal(value: string | number): string {
  const text = typeof value === "number" ? String(value) : value;
  if (!text.includes(".")) return text;
  return text.replace(/0+$/, "").replace(/\.$/, "");
}
