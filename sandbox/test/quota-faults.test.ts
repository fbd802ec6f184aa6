import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../index";
import { SP_LIMITS } from "../quota";
import { spGet, spToken, testSandbox } from "./helpers";

let sb: RunningSandbox;
let token: string;
beforeAll(async () => { sb = await testSandbox(); token = await spToken(sb); });
afterAll(async () => { await sb.close(); });

const knobs = (body: unknown) => fetch(`${sb.origin}/__sandbox/knobs`, { method: "POST", body: JSON.stringify(body) });

describe("quotas", () => {
  it("a burst beyond the bucket gets 429s at the published rate", async () => {
    const limit = SP_LIMITS.getMarketplaceParticipations!;
    const call = () => spGet(sb, token, "/sellers/v1/marketplaceParticipations");
    const statuses: number[] = [];
    for (let i = 0; i < limit.burst + 5; i++) statuses.push((await call()).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(limit.burst);
    expect(statuses.slice(limit.burst)).toEqual([429, 429, 429, 429, 429]);
    const throttled = await call();
    expect(throttled.status).toBe(429);
    expect(throttled.body).toEqual({ errors: [{ code: "QuotaExceeded", message: "You exceeded your quota for the requested resource." }] });
    // Amazon's 429 says nothing of the rate (sandbox/test/strictness.test.ts).
    expect(throttled.headers.get("x-amzn-ratelimit-limit")).toBeNull();
    // One token refills after 1/rate seconds of sandbox time, not before.
    sb.sandbox.clock.advance(Math.floor(1000 / limit.rate) - 2000);
    expect((await call()).status).toBe(429);
    sb.sandbox.clock.advance(2500);
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(429);
    // Over 10 minutes, exactly rate × 600 more requests get through.
    sb.sandbox.clock.advance(600_000);
    let ok = 0;
    for (let i = 0; i < 20; i++) if ((await call()).status === 200) ok++;
    expect(ok).toBeGreaterThanOrEqual(Math.floor(limit.rate * 600));
    expect(ok).toBeLessThanOrEqual(Math.ceil(limit.rate * 600));
  });

  it("buckets are per seller and per operation", async () => {
    sb.sandbox.quotas.reset();
    const other = await spToken(sb, sb.sandbox.world.sellers[1]!.sellerId);
    for (let i = 0; i < 15; i++) await spGet(sb, token, "/sellers/v1/marketplaceParticipations");
    expect((await spGet(sb, token, "/sellers/v1/marketplaceParticipations")).status).toBe(429);
    expect((await spGet(sb, other, "/sellers/v1/marketplaceParticipations")).status).toBe(200);
    expect((await spGet(sb, token, "/reports/2021-06-30/reports?reportTypes=GET_MERCHANT_LISTINGS_ALL_DATA")).status).toBe(200);
  });

  it("time scale speeds refills up", async () => {
    const fast = await testSandbox({ now: undefined, timeScale: 3600 });
    try {
      const t = await spToken(fast);
      for (let i = 0; i < 15; i++) await spGet(fast, t, "/sellers/v1/marketplaceParticipations");
      await new Promise((r) => setTimeout(r, 100)); // 100 ms real = 6 sandbox minutes ≈ 5.7 tokens
      const s = await spGet(fast, t, "/sellers/v1/marketplaceParticipations");
      expect(s.status).toBe(200);
    } finally { await fast.close(); }
  });
});

describe("faults", () => {
  it("forced 429 bursts, 5xx rate, latency, timeouts", async () => {
    sb.sandbox.quotas.reset();
    await knobs({ faults: { getOrderItems: { force429: 2 } } });
    const p = "/orders/v0/orders/111-1111111-1111111/orderItems";
    expect((await spGet(sb, token, p)).status).toBe(429);
    expect((await spGet(sb, token, p)).status).toBe(429);
    expect((await spGet(sb, token, p)).status).toBe(404);
    await knobs({ faults: { getOrderItems: { errorRate: 1 } } });
    const e = await spGet(sb, token, p);
    expect(e.status).toBe(500);
    expect(e.body.errors[0].code).toBe("InternalFailure");
    await knobs({ faults: { getOrderItems: null } });
    await knobs({ faults: { getOrderItems: { latencyMs: 300 } } });
    const t0 = Date.now();
    await spGet(sb, token, p);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    await knobs({ faults: { getOrderItems: { latencyMs: 0, timeoutRate: 1 } } });
    const ctrl = AbortSignal.timeout(1000);
    await expect(fetch(sb.origin + p, { headers: { "x-amz-access-token": token }, signal: ctrl })).rejects.toThrow();
    await knobs({ faults: null });
  });

  it("token revocation through the control API makes SP-API answer 403", async () => {
    const r = await fetch(`${sb.origin}/__sandbox/tokens`, { method: "POST", body: JSON.stringify({ kind: "sp", sellerId: sb.sandbox.world.sellers[2]!.sellerId }) });
    const t = (await r.json()) as { access_token: string };
    sb.sandbox.quotas.reset();
    expect((await spGet(sb, t.access_token, "/sellers/v1/marketplaceParticipations")).status).toBe(200);
    await fetch(`${sb.origin}/__sandbox/tokens/revoke`, { method: "POST", body: JSON.stringify({ kind: "sp", sellerId: sb.sandbox.world.sellers[2]!.sellerId }) });
    const denied = await spGet(sb, t.access_token, "/sellers/v1/marketplaceParticipations");
    expect(denied.status).toBe(403);
  });
});
