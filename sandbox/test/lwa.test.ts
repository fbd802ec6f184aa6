import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../index";
import { testSandbox } from "./helpers";

let sb: RunningSandbox;
beforeAll(async () => { sb = await testSandbox(); });
afterAll(async () => { await sb.close(); });

const REDIRECT = "http://127.0.0.1:3999/api/amazon/callback";

async function tokenRequest(params: Record<string, string>) {
  const r = await fetch(`${sb.origin}/auth/o2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params).toString(),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

async function spConsent(sellerId: string, action = "confirm", extra: Record<string, string> = {}) {
  const q = new URLSearchParams({ application_id: sb.credentials.spApiApplicationId, state: "st-123", version: "beta", redirect_uri: REDIRECT, ...extra });
  const page = await fetch(`${sb.origin}/apps/authorize/consent?${q.toString()}`);
  const html = await page.text();
  const form = new URLSearchParams(q);
  form.set("seller", sellerId);
  form.set("action", action);
  const r = await fetch(`${sb.origin}/apps/authorize/consent`, { method: "POST", body: form, redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" } });
  return { html, pageStatus: page.status, status: r.status, location: new URL(r.headers.get("location") ?? "http://x/") };
}

describe("Seller Central consent + LWA token", () => {
  it("shows the sellers, redirects with spapi_oauth_code, and the code is single-use", async () => {
    const seller = sb.sandbox.world.sellers[1]!;
    const c = await spConsent(seller.sellerId);
    expect(c.pageStatus).toBe(200);
    expect(c.html).toContain(seller.name);
    expect(c.status).toBe(302);
    expect(c.location.origin + c.location.pathname).toBe(REDIRECT);
    expect(c.location.searchParams.get("state")).toBe("st-123");
    expect(c.location.searchParams.get("selling_partner_id")).toBe(seller.sellerId);
    const code = c.location.searchParams.get("spapi_oauth_code")!;
    const creds = sb.credentials;
    const ok = await tokenRequest({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: creds.spApiClientId, client_secret: creds.spApiClientSecret });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: "bearer", expires_in: 3600 });
    expect(String(ok.body.access_token)).toMatch(/^Atza\|/);
    expect(String(ok.body.refresh_token)).toMatch(/^Atzr\|/);
    const again = await tokenRequest({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: creds.spApiClientId, client_secret: creds.spApiClientSecret });
    expect(again).toEqual({ status: 400, body: { error: "invalid_grant", error_description: "The request has an invalid grant parameter : code" } });
    // The access token works on SP-API as that seller.
    const r = await fetch(`${sb.origin}/sellers/v1/marketplaceParticipations`, { headers: { "x-amz-access-token": String(ok.body.access_token) } });
    const body = (await r.json()) as { payload: Array<{ marketplace: { id: string } }> };
    expect(body.payload.map((p) => p.marketplace.id)).toEqual(seller.marketplaceIds);
  });

  it("codes expire after 5 minutes of sandbox time", async () => {
    const c = await spConsent(sb.sandbox.world.sellers[0]!.sellerId);
    sb.sandbox.clock.advance(5 * 60_000 + 1000);
    const r = await tokenRequest({ grant_type: "authorization_code", code: c.location.searchParams.get("spapi_oauth_code")!, client_id: sb.credentials.spApiClientId, client_secret: sb.credentials.spApiClientSecret });
    expect(r.body.error).toBe("invalid_grant");
  });

  it("cancel redirects with Amazon's error parameters; bad app id / redirect / version give MD errors", async () => {
    const c = await spConsent(sb.sandbox.world.sellers[0]!.sellerId, "cancel");
    expect(c.location.searchParams.get("error")).toBe("access_denied");
    expect(c.location.searchParams.get("state")).toBe("st-123");
    const bad = await fetch(`${sb.origin}/apps/authorize/consent?application_id=amzn1.sellerapps.app.other&state=x&version=beta`);
    expect(await bad.text()).toContain("MD1000");
    const noBeta = await fetch(`${sb.origin}/apps/authorize/consent?application_id=${sb.credentials.spApiApplicationId}&state=x`);
    expect(await noBeta.text()).toContain("MD1000");
    const evil = await fetch(`${sb.origin}/apps/authorize/consent?application_id=${sb.credentials.spApiApplicationId}&state=x&version=beta&redirect_uri=${encodeURIComponent("https://evil.example/cb")}`);
    expect(await evil.text()).toContain("MD5101");
  });

  it("refresh_token grant, invalid_client, unsupported_grant_type, revocation and access-token expiry", async () => {
    const creds = sb.credentials;
    const rt = sb.issueRefreshToken("sp");
    const ok = await tokenRequest({ grant_type: "refresh_token", refresh_token: rt, client_id: creds.spApiClientId, client_secret: creds.spApiClientSecret });
    expect(ok.status).toBe(200);
    expect(ok.body.refresh_token).toBe(rt);
    const badClient = await tokenRequest({ grant_type: "refresh_token", refresh_token: rt, client_id: creds.spApiClientId, client_secret: "nope" });
    expect(badClient).toEqual({ status: 401, body: { error: "invalid_client", error_description: "Client authentication failed" } });
    const badGrant = await tokenRequest({ grant_type: "password", client_id: creds.spApiClientId, client_secret: creds.spApiClientSecret });
    expect(badGrant.body.error).toBe("unsupported_grant_type");
    const access = String(ok.body.access_token);
    const call = () => fetch(`${sb.origin}/sellers/v1/marketplaceParticipations`, { headers: { "x-amz-access-token": access } });
    expect((await call()).status).toBe(200);
    sb.sandbox.clock.advance(3600_000);
    const expired = await call();
    expect(expired.status).toBe(403);
    expect(await expired.json()).toEqual({ errors: [{ code: "Unauthorized", message: "Access to requested resource is denied.", details: "The access token you provided has expired." }] });
    await fetch(`${sb.origin}/__sandbox/tokens/revoke`, { method: "POST", body: JSON.stringify({ refresh_token: rt }) });
    const afterRevoke = await tokenRequest({ grant_type: "refresh_token", refresh_token: rt, client_id: creds.spApiClientId, client_secret: creds.spApiClientSecret });
    expect(afterRevoke.body.error).toBe("invalid_grant");
    const missing = await fetch(`${sb.origin}/sellers/v1/marketplaceParticipations`);
    expect(missing.status).toBe(403);
  });
});

describe("Ads consent (/ap/oa)", () => {
  it("redirects with code and scope; the code gives an Ads token", async () => {
    const q = new URLSearchParams({ client_id: sb.credentials.adsClientId, scope: "advertising::campaign_management", response_type: "code", redirect_uri: REDIRECT, state: "ads-state" });
    const page = await fetch(`${sb.origin}/ap/oa?${q.toString()}`);
    expect(page.status).toBe(200);
    const form = new URLSearchParams(q);
    form.set("seller", sb.sandbox.world.sellers[0]!.sellerId);
    form.set("action", "allow");
    const r = await fetch(`${sb.origin}/ap/oa`, { method: "POST", body: form, redirect: "manual" });
    const loc = new URL(r.headers.get("location")!);
    expect(loc.searchParams.get("state")).toBe("ads-state");
    expect(loc.searchParams.get("scope")).toBe("advertising::campaign_management");
    const tok = await tokenRequest({ grant_type: "authorization_code", code: loc.searchParams.get("code")!, redirect_uri: REDIRECT, client_id: sb.credentials.adsClientId, client_secret: sb.credentials.adsClientSecret });
    expect(tok.status).toBe(200);
    const profiles = await fetch(`${sb.origin}/v2/profiles`, { headers: { authorization: `Bearer ${String(tok.body.access_token)}`, "amazon-advertising-api-clientid": sb.credentials.adsClientId } });
    expect(profiles.status).toBe(200);
    // SP-API refuses an Ads token.
    const sp = await fetch(`${sb.origin}/sellers/v1/marketplaceParticipations`, { headers: { "x-amz-access-token": String(tok.body.access_token) } });
    expect(sp.status).toBe(403);
  });

  it("rejects a bad scope and a non-loopback redirect", async () => {
    const q = new URLSearchParams({ client_id: sb.credentials.adsClientId, scope: "profile", response_type: "code", redirect_uri: REDIRECT });
    const r = await fetch(`${sb.origin}/ap/oa?${q.toString()}`, { redirect: "manual" });
    expect(new URL(r.headers.get("location")!).searchParams.get("error")).toBe("invalid_scope");
    q.set("redirect_uri", "https://example.com/cb");
    q.set("scope", "advertising::campaign_management");
    const r2 = await fetch(`${sb.origin}/ap/oa?${q.toString()}`, { redirect: "manual" });
    expect(r2.status).toBe(400);
  });
});

describe("a restarted sandbox", () => {
  it("still honours refresh tokens it issued under the same seed, and refuses forged ones", async () => {
    const { LwaStore } = await import("../lwa/store");
    const before = new LwaStore("seed-a");
    const token = before.issueRefresh("client", "sp", "A1SELLER");
    const after = new LwaStore("seed-a");
    expect(after.refreshInfo(token)).toMatchObject({ clientId: "client", kind: "sp", sellerId: "A1SELLER", revoked: false });
    expect(after.issueAccess(token, Date.now())?.grant.sellerId).toBe("A1SELLER");
    expect(new LwaStore("seed-b").refreshInfo(token)).toBeUndefined();
    expect(after.refreshInfo(token.replace("A", "B"))).toBeUndefined();
    after.revoke(token);
    expect(after.issueAccess(token, Date.now())).toBeUndefined();
  });
});
