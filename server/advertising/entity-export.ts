import { z } from "zod";
import { UserFacingError } from "~/server/accounts/errors";
import { csvCell } from "~/server/lists/csv";
import { resolveActiveMembership } from "~/server/organizations/membership";
import type { Context } from "~/server/trpc/init";
import { entityInputFromUrl } from "./entity-list-input";
import { entityList, type EntityRow } from "./entity-lists";
import { ENTITY_LISTS, ENTITY_URL_KEYS, KIND_LABELS, STATE_LABELS } from "./vocabulary";

const plain = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The presets of the module's date range (app/_components/range.ts), as the URL names them. */
const RANGE_DAYS: Record<string, number> = { today: 1, "7d": 7, "14d": 14, "30d": 30, "60d": 60 };

/** Exact decimals as stored (a spreadsheet reads "0.7500" as a number), the profile's currency beside money. */
const HEADER = [
  "Kind", "Id", "Name / targeting", "State", "Campaign id", "Campaign", "Ad group id", "Ad group", "Targeting type", "Daily budget",
  "Bidding strategy", "Top of search %", "Product pages %", "Rest of search %", "Default bid", "Bid", "Ad group default bid", "Match type",
  "SKU", "ASIN", "Currency", "Impressions", "Clicks", "CTR %", "Spend", "CPC", "Orders", "Sales", "ACOS %", "ROAS", "CVR %",
];

function line(r: EntityRow, currency: string): string {
  return [
    r.kind ? KIND_LABELS[r.kind] : "Not synced yet", r.id, r.label, r.state ? STATE_LABELS[r.state] : null, r.campaignId, r.campaignName,
    r.adGroupId, r.adGroupName, r.targetingType, r.budget, r.biddingStrategy, r.placementTop, r.placementProductPage, r.placementRestOfSearch,
    r.defaultBid, r.bid, r.groupDefaultBid, r.matchType, r.sku, r.asin, currency, r.impressions, r.clicks, r.ctr, r.spend, r.cpc, r.orders,
    r.sales, r.acos, r.roas, r.cvr,
  ].map((v) => csvCell(v === null || v === undefined ? null : String(v))).join(",") + "\r\n";
}

const PAGE = 500;

/**
 * An Advertising table's CSV: every row its filters select (not only the page shown), in its order,
 * streamed page by page, for the caller's active organization only (from the session, never the URL).
 */
export async function exportAdEntities(ctx: Context, query: URLSearchParams, now = new Date()): Promise<Response> {
  if (!ctx.userId) return plain(401, "Sign in to export.");
  const membership = await resolveActiveMembership(ctx.db, ctx.userId, ctx.requestedOrganizationId);
  if (!membership) return plain(403, "You are not a member of any organization.");
  const list = z.enum(ENTITY_LISTS).safeParse(query.get("list"));
  const profileId = z.uuid().safeParse(query.get("profile"));
  if (!list.success || !profileId.success) return plain(400, "The export needs a table (list) and an ad profile (profile).");
  const url = Object.fromEntries(ENTITY_URL_KEYS.flatMap((key) => (query.get(key) === null ? [] : [[key, query.get(key)!]])));
  const parents = { campaignId: query.get("campaignId") ?? undefined, adGroupId: query.get("adGroupId") ?? undefined };
  const input = (page: number) => ({ ...entityInputFromUrl({ adProfileId: profileId.data, days: RANGE_DAYS[query.get("range") ?? ""] ?? 30 }, url, parents), page, pageSize: PAGE });
  let first;
  try {
    first = await entityList(ctx.db, membership.organizationId, list.data, input(1));
  } catch (error) {
    if (error instanceof UserFacingError) return plain(404, "No such ad profile in this organization.");
    throw error;
  }
  const currency = first.profile.currencyCode;
  const pages = Math.ceil(first.count / PAGE);
  let next = 1;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte-order mark, so spreadsheet programs read the UTF-8 (campaign names, Japanese keywords) correctly.
      controller.enqueue(encoder.encode(`\uFEFF${HEADER.map(csvCell).join(",")}\r\n`));
    },
    async pull(controller) {
      if (next > pages) return controller.close();
      const page = next === 1 ? first : await entityList(ctx.db, membership.organizationId, list.data, input(next));
      next += 1;
      controller.enqueue(encoder.encode(page.rows.map((r) => line(r, currency)).join("")));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="ad-${list.data}-${first.profile.countryCode}-${now.toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
