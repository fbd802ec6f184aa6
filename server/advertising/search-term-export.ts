import { UserFacingError } from "~/server/accounts/errors";
import { csvCell } from "~/server/lists/csv";
import { resolveActiveMembership } from "~/server/organizations/membership";
import type { Context } from "~/server/trpc/init";
import { ownedProfile } from "./queries";
import { searchTermExportFromUrl, searchTermExportInput } from "./search-term-input";
import { SEARCH_TERM_EXPORT_KEYS } from "./search-term-vocabulary";
import { allSearchTermRows, type SearchTermRow } from "./search-terms";
import { labelOf, MATCH_TYPE_LABELS } from "./vocabulary";

const plain = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** Amounts and ratios stay exact decimals (a spreadsheet reads "12.3400" as a number); sales and orders are 7-day. */
const HEADER = [
  "Search term",
  "Keyword or target id",
  "Keyword or target",
  "Match type",
  "Campaign id",
  "Campaign",
  "Ad group id",
  "Ad group",
  "Impressions",
  "Clicks",
  "CTR (%)",
  "Spend",
  "CPC",
  "Orders (7d)",
  "Sales (7d)",
  "ACOS (%)",
  "ROAS",
  "CVR (%)",
  "Currency",
];

export function searchTermCsvLine(r: SearchTermRow, currency: string): string {
  return [
    r.searchTerm,
    r.targetId,
    r.targetLabel,
    labelOf(MATCH_TYPE_LABELS, r.matchType) ?? (r.expressionType === "AUTO" ? "Automatic" : r.expressionType ? "Product targeting" : null),
    r.campaignId,
    r.campaignName,
    r.adGroupId,
    r.adGroupName,
    r.impressions,
    r.clicks,
    r.ctr,
    r.spend,
    r.cpc,
    r.orders,
    r.sales,
    r.acos,
    r.roas,
    r.cvr,
    currency,
  ]
    .map(csvCell)
    .join(",") + "\r\n";
}

/**
 * The Search terms tab's CSV: exactly the rows its filters select for the days the page showed, in its
 * order, streamed, for the caller's active organization only (from the session, never from the URL) and
 * one of its ad profiles.
 */
export async function exportSearchTerms(ctx: Context, query: URLSearchParams): Promise<Response> {
  if (!ctx.userId) return plain(401, "Sign in to export.");
  const membership = await resolveActiveMembership(ctx.db, ctx.userId, ctx.requestedOrganizationId);
  if (!membership) return plain(403, "You are not a member of any organization.");
  const parsed = searchTermExportInput.safeParse(searchTermExportFromUrl(Object.fromEntries(SEARCH_TERM_EXPORT_KEYS.map((key) => [key, query.get(key)]))));
  if (!parsed.success) return plain(400, `The export was not accepted: ${parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")}`);
  const profile = await ownedProfile(ctx.db, membership.organizationId, parsed.data.adProfileId).catch((error: unknown) => {
    if (error instanceof UserFacingError) return null;
    throw error;
  });
  if (!profile) return plain(404, "No such ad profile in this organization.");
  const rows = allSearchTermRows(ctx.db, membership.organizationId, profile.id, parsed.data);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte-order mark, so spreadsheet programs read the UTF-8 (Japanese and German searches) correctly.
      controller.enqueue(encoder.encode(`\uFEFF${HEADER.map(csvCell).join(",")}\r\n`));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((r) => searchTermCsvLine(r, profile.currencyCode)).join("")));
    },
  });
  const { from, to } = parsed.data;
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="ad-search-terms-${profile.countryCode}-${from}-${to}.csv"`,
      "cache-control": "no-store",
    },
  });
}
