import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "~/db/client";
import { orders, storeMarketplaces } from "~/db/schema";
import { QuotaWaitError, type AmazonCaller } from "~/server/amazon/request";
import { BACKFILL } from "~/server/sync/kit/definition";
import type { RunPlan } from "~/server/sync/kit/plan";
import { columnName } from "~/server/sync/kit/table";
import { recordProgress } from "~/server/sync/state";
import { refundItems as t } from "~/server/sync/tasks/refund-orders/table";
import { startOfLocalDay } from "~/server/sync/windows";
import { FinancesAnswerError, listRefundEventsPage, type AmazonRefundEvent } from "./finances-api";
import { marketplaceNamed, refundRows, type RefundItemRow, type RefundMarketplace } from "./refund-rows";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Amazon: "orders from the last 48 hours might not be included in financial events" — an event can appear
 * up to two days after its PostedDate. Each listing therefore reads again the 48 hours before where the last
 * one reached; refunds already stored are left untouched, so the overlap writes nothing.
 */
export const RELIST_MS = 48 * HOUR;
/** Amazon answers a span longer than 180 days with nothing at all: spans of 170 days leave room for clock skew. */
const SPAN_DAYS = 170;
/** A listing may reach back this far at most (a pause longer than the backfill's year is not caught up). */
const LONGEST_LISTING_DAYS = 366;
/** Amazon's default PostedBefore: two minutes before the request. */
const LISTING_LAG_MS = 2 * 60_000;
/**
 * Amazon pages one step reads (each stored in its own statement): a big seller's year is thousands of pages,
 * and a step per page would make thousands of steps. At 0.5 requests a second these take about 20 s.
 */
const PAGES_PER_STEP = 10;

/** Where a run's listing starts: its window's first day, or 48 hours before where the last listing reached. */
export function listingStart(plan: RunPlan): Date {
  const firstDay = startOfLocalDay(plan.days[0] ?? plan.today, plan.scope.timeZone).getTime();
  if (plan.window === BACKFILL || !plan.resumeFrom) return new Date(firstDay);
  const earliest = Date.parse(plan.startedAt) - LONGEST_LISTING_DAYS * DAY;
  return new Date(Math.max(earliest, Math.min(firstDay, Date.parse(plan.resumeFrom) - RELIST_MS)));
}

export interface ListingSpan {
  postedAfter: string;
  /** null: up to Amazon's default, two minutes before each request (the listing's open end). */
  postedBefore: string | null;
}

/** The run's listing in spans Amazon answers (at most 170 days each), the last one open-ended. */
export function listingSpans(plan: RunPlan): ListingSpan[] {
  const end = Date.parse(plan.startedAt) - LISTING_LAG_MS;
  const spans: ListingSpan[] = [];
  for (let from = listingStart(plan).getTime(); ; from += SPAN_DAYS * DAY) {
    const to = from + SPAN_DAYS * DAY;
    if (to >= end) return [...spans, { postedAfter: new Date(from).toISOString(), postedBefore: null }];
    spans.push({ postedAfter: new Date(from).toISOString(), postedBefore: new Date(to).toISOString() });
  }
}

/** Where a run's listing stands between steps: the span, and Amazon's NextToken within it. */
interface Cursor {
  span: number;
  token: string | null;
}

/** The store's marketplaces, which a refund names by `MarketplaceName`. */
async function marketplacesOf(db: Database, plan: RunPlan): Promise<RefundMarketplace[]> {
  return db
    .select({ id: storeMarketplaces.id, name: storeMarketplaces.name, domainName: storeMarketplaces.domainName, timeZone: storeMarketplaces.timeZone })
    .from(storeMarketplaces)
    .where(and(eq(storeMarketplaces.storeId, plan.scope.storeId!), eq(storeMarketplaces.organizationId, plan.scope.organizationId)));
}

const keyOf = (r: RefundItemRow) => `${r.storeMarketplaceId}|${r.amazonOrderId}|${r.postedAt.getTime()}|${r.adjustmentItemId}`;

/**
 * The marketplace of each refund: the one its `MarketplaceName` names, else that of its order if the product
 * synced it under a name Amazon spells otherwise. A refund of neither — a non-Amazon channel ("Non-Amazon",
 * multi-channel fulfillment) — has no order the product ever syncs, and nothing to be shown with: left out.
 */
async function marketplacesOfRefunds(db: Database, events: AmazonRefundEvent[], marketplaces: RefundMarketplace[]) {
  const named = new Map(events.map((e) => [e, marketplaceNamed(marketplaces, e.MarketplaceName)]));
  const unnamed = [...new Set(events.filter((e) => !named.get(e)).map((e) => e.AmazonOrderId))];
  if (unnamed.length) {
    const found = await db
      .select({ id: orders.amazonOrderId, marketplace: orders.storeMarketplaceId })
      .from(orders)
      .where(and(inArray(orders.storeMarketplaceId, marketplaces.map((m) => m.id)), inArray(orders.amazonOrderId, unnamed)));
    const byOrder = new Map(found.map((f) => [f.id, marketplaces.find((m) => m.id === f.marketplace)]));
    for (const e of events) if (!named.get(e)) named.set(e, byOrder.get(e.AmazonOrderId));
  }
  return named;
}

/** The page's refunds as rows: each item once (a repeated identical one is the same refund), refused when two differ. */
function rowsOf(events: AmazonRefundEvent[], marketplaceOf: Map<AmazonRefundEvent, RefundMarketplace | undefined>): RefundItemRow[] {
  const rows = new Map<string, RefundItemRow>();
  for (const event of events) {
    const marketplace = marketplaceOf.get(event);
    if (!marketplace) continue;
    for (const row of refundRows(event, marketplace)) {
      const key = keyOf(row);
      const seen = rows.get(key);
      if (seen && JSON.stringify(seen) !== JSON.stringify(row))
        throw new FinancesAnswerError(`Amazon's financial events list two different refunds of order ${row.amazonOrderId}, item ${row.adjustmentItemId}, posted ${row.postedAt.toISOString()}.`);
      rows.set(key, row);
    }
  }
  return [...rows.values()];
}

/** Stores a page's refunds in one statement; a refund stored already and unchanged is not written again. */
async function storeRefunds(db: Database, plan: RunPlan, rows: RefundItemRow[]): Promise<number> {
  if (!rows.length) return 0;
  const syncedAt = new Date();
  const changing = [
    t.orderItemId, t.sellerSku, t.quantity, t.postedDay, t.currency, t.principal, t.tax, t.shipping, t.shippingTax, t.otherCharges, t.promotion,
    t.commission, t.refundCommission, t.otherFees, t.taxWithheld, t.charges, t.fees, t.promotions, t.taxesWithheld,
  ];
  const excluded = (c: (typeof changing)[number]) => sql.raw(`excluded.${columnName(c)}`);
  const written = await db
    .insert(t)
    .values(rows.map((r) => ({ ...r, organizationId: plan.scope.organizationId, syncedAt })))
    .onConflictDoUpdate({
      target: [t.storeMarketplaceId, t.amazonOrderId, t.postedAt, t.adjustmentItemId],
      set: { ...Object.fromEntries(changing.map((c) => [c.name, excluded(c)])), syncedAt: sql`excluded.synced_at` },
      setWhere: sql`(${sql.join(changing, sql`, `)}) is distinct from (${sql.join(changing.map(excluded), sql`, `)})`,
    })
    .returning({ id: t.amazonOrderId });
  return written.length;
}

/**
 * One step of a run's listing: up to ten of Amazon's pages, each page's refunds stored as it comes. A quota
 * wait longer than a step waits ends the step early with what it read; the next step goes on from there.
 * The first step says where the next run resumes: two minutes before its first request, which no later
 * request of the listing reaches short of.
 */
export async function syncRefundEvents(caller: AmazonCaller, plan: RunPlan, nextToken: string | null) {
  const requestedAt = Date.now();
  const spans = listingSpans(plan);
  const marketplaces = await marketplacesOf(caller.db, plan);
  let cursor: Cursor | null = nextToken ? (JSON.parse(nextToken) as Cursor) : { span: 0, token: null };
  let written = 0;
  for (let pages = 0; cursor && pages < PAGES_PER_STEP; pages++) {
    const span = spans[cursor.span]!;
    let page: Awaited<ReturnType<typeof listRefundEventsPage>>;
    try {
      page = await listRefundEventsPage(caller, plan.scope.region, { ...span, nextToken: cursor.token });
    } catch (error) {
      if (error instanceof QuotaWaitError && pages > 0) break;
      throw error;
    }
    written += await storeRefunds(caller.db, plan, rowsOf(page.refunds, await marketplacesOfRefunds(caller.db, page.refunds, marketplaces)));
    cursor = page.nextToken ? { span: cursor.span, token: page.nextToken } : cursor.span + 1 < spans.length ? { span: cursor.span + 1, token: null } : null;
  }
  if (plan.window === BACKFILL && cursor) {
    // The backfill's progress: the days before the span it has reached.
    const reached = Date.parse(spans[cursor.span]!.postedAfter);
    const done = plan.days.filter((d) => startOfLocalDay(d, plan.scope.timeZone).getTime() < reached).length;
    await recordProgress(caller.db, { task: plan.task, window: plan.window, scopeId: plan.scope.scopeId }, done);
  }
  return {
    nextToken: cursor ? JSON.stringify(cursor) : null,
    written,
    followUp: [] as string[],
    ...(nextToken === null ? { resumeFrom: new Date(requestedAt - LISTING_LAG_MS).toISOString() } : {}),
  };
}
