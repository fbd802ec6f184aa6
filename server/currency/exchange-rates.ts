import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Database } from "~/db/client";
import { exchangeRates } from "~/db/schema";
import { setting } from "~/server/settings";
import { EcbFeedError, ecbFeedReader, type EcbRate } from "./ecb-feed";

type Fetch = typeof fetch;

const ECB = "https://www.ecb.europa.eu";
/** Older rates convert nothing the product holds (orders reach back a year, reimbursements 18 months). */
const KEEP_YEARS = 3;

/** The ECB's origin: ECB_URL, else the sandbox's copy while the sandbox Amazon stands in, else the ECB. */
export function ecbOrigin(): string {
  const origin = setting("ECB_URL") ?? setting("AMAZON_SANDBOX_URL") ?? ECB;
  return origin.replace(/\/$/, "");
}

/**
 * Which feed brings what is missing: the whole series the first time (or after a pause of months), else
 * the last 90 days — which also carries any correction the ECB made to a recent day.
 */
export async function feedToFetch(db: Database): Promise<"eurofxref-hist.xml" | "eurofxref-hist-90d.xml"> {
  const latest = await latestRateDay(db);
  const fresh = latest && DateTime.fromISO(latest, { zone: "UTC" }) > DateTime.utc().minus({ days: 80 });
  return fresh ? "eurofxref-hist-90d.xml" : "eurofxref-hist.xml";
}

const keptSince = (now: Date) => DateTime.fromJSDate(now, { zone: "UTC" }).minus({ years: KEEP_YEARS }).toISODate()!;

/** Reads a feed's days from `since` on, as they download; the older rest is never downloaded. */
async function readFeed(response: Response, since: string): Promise<EcbRate[]> {
  const reader = ecbFeedReader({ since });
  if (!response.body) return reader.end();
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const body = response.body.getReader();
  try {
    while (!reader.done) {
      const { done, value } = await body.read();
      if (done) break;
      reader.write(decoder.decode(value, { stream: true }));
    }
    if (!reader.done) reader.write(decoder.decode());
  } catch (error) {
    if (error instanceof EcbFeedError) throw error;
    throw new EcbFeedError(`The ECB's rate feed could not be read: ${(error as Error).message}`);
  } finally {
    await body.cancel().catch(() => {});
  }
  return reader.end();
}

/**
 * Stores the rates of one feed, all in one statement: a rate already stored at the same value is left as it
 * was, so fetching the same feed again writes nothing.
 */
export async function storeRates(db: Database, rates: EcbRate[], fetchedAt: Date): Promise<number> {
  const kept = rates.filter((r) => r.day >= keptSince(fetchedAt));
  if (!kept.length) return 0;
  const written = await db.execute<{ day: string }>(sql`
    insert into ${exchangeRates} (day, currency, eur_rate, fetched_at)
    select day, currency, rate::numeric, ${fetchedAt.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(kept)}::jsonb) as t(day text, currency text, rate text)
    on conflict (currency, day) do update set eur_rate = excluded.eur_rate, fetched_at = excluded.fetched_at
      where ${exchangeRates.eurRate} is distinct from excluded.eur_rate
    returning day`);
  return written.length;
}

/** The ECB's latest day we hold rates of, or null before the first fetch. */
export async function latestRateDay(db: Database): Promise<string | null> {
  const [row] = await db.select({ latest: sql<string | null>`max(${exchangeRates.day})` }).from(exchangeRates);
  return row?.latest ?? null;
}

/** Whether any rate was fetched in the last `hours` hours. */
export async function ratesFetchedWithin(db: Database, hours: number): Promise<boolean> {
  const [row] = await db.select({ last: sql<Date | null>`max(${exchangeRates.fetchedAt})` }).from(exchangeRates);
  return Boolean(row?.last && new Date(row.last).getTime() > Date.now() - hours * 3_600_000);
}

export interface RatesFetched {
  feed: string;
  days: number;
  latestDay: string;
  rowsWritten: number;
}

/** Fetches the ECB's feed that brings what is missing and stores it. */
export async function fetchExchangeRates(db: Database, options: { fetch?: Fetch; now?: Date } = {}): Promise<RatesFetched> {
  const feed = await feedToFetch(db);
  const url = `${ecbOrigin()}/stats/eurofxref/${feed}`;
  const response = await (options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new EcbFeedError(`The ECB answered ${response.status} for ${feed}; the rates will be fetched again at the next run.`);
  const now = options.now ?? new Date();
  const rates = await readFeed(response, keptSince(now));
  const days = new Set(rates.map((r) => r.day));
  const rowsWritten = await storeRates(db, rates, now);
  return { feed, days: days.size, latestDay: [...days].sort().at(-1)!, rowsWritten };
}
