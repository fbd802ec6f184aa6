import { DateTime } from "luxon";
import { UserFacingError } from "~/server/accounts/errors";
import { csvCell } from "~/server/lists/csv";
import { resolveActiveMembership } from "~/server/organizations/membership";
import type { Context } from "~/server/trpc/init";
import { allHistoryRows, type HistoryRow } from "./change-history";
import { historyFilters, historyFiltersInUrl } from "./history-input";
import { ownedProfile } from "./queries";
import { FIELD_LABELS, KIND_LABELS, RESULT_LABELS, SOURCE_LABELS, HISTORY_URL_KEYS, labelOf } from "./vocabulary";

const plain = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** Values stay as Amazon's terms and exact decimals (a spreadsheet reads "37.5000" as a number); labels are the page's. */
const HEADER = ["When (profile time)", "Who", "Kind", "Entity id", "Entity", "Campaign id", "Field", "Before", "After", "Source", "Result", "Message"];

export function historyCsvLine(r: HistoryRow, timeZone: string): string {
  return [
    DateTime.fromJSDate(r.at).setZone(timeZone).toFormat("yyyy-MM-dd HH:mm:ss"),
    r.source === "seller_central" ? "Seller Central" : (r.userName ?? "A former member"),
    KIND_LABELS[r.kind],
    r.entityId,
    r.entityLabel,
    r.campaignId,
    labelOf(FIELD_LABELS, r.field),
    r.before,
    r.after,
    SOURCE_LABELS[r.source],
    RESULT_LABELS[r.result],
    r.message,
  ]
    .map(csvCell)
    .join(",") + "\r\n";
}

/**
 * The Advertising history's CSV: exactly the changes its filters select, newest first, streamed, for the
 * caller's active organization only (from the session, never from the URL) and one of its ad profiles.
 */
export async function exportAdHistory(ctx: Context, query: URLSearchParams, now = new Date()): Promise<Response> {
  if (!ctx.userId) return plain(401, "Sign in to export.");
  const membership = await resolveActiveMembership(ctx.db, ctx.userId, ctx.requestedOrganizationId);
  if (!membership) return plain(403, "You are not a member of any organization.");
  const parsed = historyFilters.safeParse(historyFiltersInUrl(Object.fromEntries(HISTORY_URL_KEYS.map((key) => [key, query.get(key)]))));
  if (!parsed.success) return plain(400, `The export was not accepted: ${parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")}`);
  const profile = await ownedProfile(ctx.db, membership.organizationId, parsed.data.adProfileId).catch((error: unknown) => {
    if (error instanceof UserFacingError) return null;
    throw error;
  });
  if (!profile) return plain(404, "No such ad profile in this organization.");
  const rows = allHistoryRows(ctx.db, membership.organizationId, parsed.data);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte-order mark, so spreadsheet programs read the UTF-8 (campaign names, Japanese keywords) correctly.
      controller.enqueue(encoder.encode(`\uFEFF${HEADER.map(csvCell).join(",")}\r\n`));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((r) => historyCsvLine(r, profile.timeZone)).join("")));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="ad-history-${profile.countryCode}-${now.toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
