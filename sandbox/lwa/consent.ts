import { esc, isLoopbackRedirect, page, withParams } from "../http/html";
import type { Ctx, Reply, Route } from "../http/types";

const html = (status: number, body: string): Reply => ({ status, headers: { "content-type": "text/html; charset=utf-8" }, body });
const redirect = (to: string): Reply => ({ status: 302, headers: { location: to }, body: "" });

function sellerChoices(ctx: Ctx): string {
  return ctx.sb.world.sellers
    .map((s, i) => `<label><input type="radio" name="seller" value="${esc(s.sellerId)}"${i === 0 ? " checked" : ""}> ${esc(s.name)} &lt;${esc(s.email)}&gt; <small>(${esc(s.sellerId)})</small></label>`)
    .join("");
}

function hidden(p: URLSearchParams): string {
  return [...p.entries()].map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join("");
}

// ---- Seller Central: /apps/authorize/consent --------------------------------

function spParams(ctx: Ctx): URLSearchParams {
  return ctx.req.method === "POST" ? ctx.form() : ctx.query;
}

/** Validates like Seller Central; returns an error page or the redirect target. */
function spCheck(ctx: Ctx, p: URLSearchParams): Reply | string {
  const appId = p.get("application_id");
  if (appId !== ctx.sb.credentials.spApiApplicationId) {
    return html(400, page("Error", `<div class="box"><h2 class="err">We're sorry!</h2><p>An error occurred when we tried to authorize this application. Error code: <b>MD1000</b></p></div>`));
  }
  // The sandbox app is a Draft app: Amazon requires version=beta for those.
  if (p.get("version") !== "beta") {
    return html(400, page("Error", `<div class="box"><h2 class="err">We're sorry!</h2><p>This application is in draft state and requires version=beta. Error code: <b>MD1000</b></p></div>`));
  }
  const uri = p.get("redirect_uri") ?? ctx.sb.options.spRedirectUri;
  if (!isLoopbackRedirect(uri)) {
    return html(400, page("Error", `<div class="box"><h2 class="err">We're sorry!</h2><p>The redirect URI is not registered for this application. Error code: <b>MD5101</b></p></div>`));
  }
  return uri;
}

function spConsent(ctx: Ctx): Reply {
  const p = spParams(ctx);
  const check = spCheck(ctx, p);
  if (typeof check !== "string") return check;
  if (ctx.req.method === "GET") {
    return html(200, page("Authorize Shelfwise (sandbox)", `<div class="box"><h2>Authorize Shelfwise (sandbox)</h2>
<p>Choose the seller account that grants this application access to its Selling Partner API data.</p>
<form method="post" action="/apps/authorize/consent">${hidden(p)}${sellerChoices(ctx)}
<label><input type="checkbox" name="agree" checked> I direct Amazon to provide Shelfwise (sandbox) with access to my Amazon seller account data.</label>
<p><button class="btn" type="submit" name="action" value="confirm">Confirm</button> <button class="btn2" type="submit" name="action" value="cancel">Cancel</button></p></form></div>`));
  }
  const state = p.get("state") ?? undefined;
  if (p.get("action") !== "confirm") {
    return redirect(withParams(check, { state, error: "access_denied", error_description: "The seller declined to authorize the application." }));
  }
  const seller = ctx.sb.world.seller(p.get("seller") ?? "");
  if (!seller) return html(400, page("Error", `<p class="err">Unknown seller.</p>`));
  const code = ctx.sb.lwa.issueCode({ clientId: ctx.sb.credentials.spApiClientId, kind: "sp", sellerId: seller.sellerId, redirectUri: p.get("redirect_uri") ?? undefined }, ctx.sb.clock.now());
  return redirect(withParams(check, { state, selling_partner_id: seller.sellerId, spapi_oauth_code: code }));
}

// ---- Login with Amazon for Ads: /ap/oa --------------------------------------

function adsConsent(ctx: Ctx): Reply {
  const p = ctx.req.method === "POST" ? ctx.form() : ctx.query;
  const sb = ctx.sb;
  if (p.get("client_id") !== sb.credentials.adsClientId) {
    return html(400, page("Error", `<div class="box"><h2 class="err">An error occurred</h2><p>The client_id is unknown. Error: <b>invalid_client</b></p></div>`));
  }
  const uri = p.get("redirect_uri");
  if (!isLoopbackRedirect(uri) || !uri) {
    return html(400, page("Error", `<div class="box"><h2 class="err">An error occurred</h2><p>The redirect URI is not registered for this client. Error: <b>invalid_request</b></p></div>`));
  }
  const state = p.get("state") ?? undefined;
  if (p.get("response_type") !== "code") {
    return redirect(withParams(uri, { error: "unsupported_response_type", error_description: "The authorization server does not support obtaining an authorization code using this method.", state }));
  }
  const scope = p.get("scope") ?? "";
  if (!scope.split(/\s+/).includes("advertising::campaign_management")) {
    return redirect(withParams(uri, { error: "invalid_scope", error_description: "An unknown scope was requested", state }));
  }
  if (ctx.req.method === "GET") {
    return html(200, page("Amazon Ads sign-in (sandbox)", `<div class="box"><h2>Shelfwise (sandbox) would like to access your Amazon Ads data</h2>
<form method="post" action="/ap/oa">${hidden(p)}${sellerChoices(ctx)}
<p><button class="btn" type="submit" name="action" value="allow">Allow</button> <button class="btn2" type="submit" name="action" value="cancel">Cancel</button></p></form></div>`));
  }
  if (p.get("action") !== "allow") {
    return redirect(withParams(uri, { error: "access_denied", error_description: "The user has denied your application access to their account.", state }));
  }
  const seller = sb.world.seller(p.get("seller") ?? "");
  if (!seller) return html(400, page("Error", `<p class="err">Unknown account.</p>`));
  const code = sb.lwa.issueCode({ clientId: sb.credentials.adsClientId, kind: "ads", sellerId: seller.sellerId, redirectUri: uri, scope }, sb.clock.now());
  return redirect(withParams(uri, { code, scope, state }));
}

export const consentRoutes: Route[] = [
  { method: "GET", path: "/apps/authorize/consent", operation: "spConsent", auth: "none", handler: spConsent },
  { method: "POST", path: "/apps/authorize/consent", operation: "spConsent", auth: "none", handler: spConsent },
  { method: "GET", path: "/ap/oa", operation: "adsConsent", auth: "none", handler: adsConsent },
  { method: "POST", path: "/ap/oa", operation: "adsConsent", auth: "none", handler: adsConsent },
];
