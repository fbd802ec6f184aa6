import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { exchangeRates } from "~/db/schema";
import type { RunningSandbox } from "~/sandbox";
import { startTestAmazon } from "~/test/amazon-sandbox";
import { parseEcbFeed } from "./ecb-feed";
import { fetchExchangeRates } from "./exchange-rates";

/*
 * The ECB's euro reference rates, fetched from the sandbox's copy of the ECB's feeds (Monday 7 December
 * 2026, after the day's publication): stored exactly, fetched again with nothing written, a day without a
 * rate using the last published one, and a broken answer refused with nothing written.
 */

let t: TestDatabase;
let amazon: RunningSandbox;
const NOW = new Date("2026-12-07T16:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  amazon = await startTestAmazon({ volume: "tiny", now: () => NOW, historyDays: 30 });
});
afterAll(async () => {
  await amazon?.close();
  await t?.drop();
});

const feed = async (name: string, since?: string) => parseEcbFeed(await (await fetch(`${amazon.origin}/stats/eurofxref/${name}`)).text(), { since });
const rateOn = async (currency: string, day: string) => (await t.db.execute<{ rate: string | null }>(sql`select eur_rate_on(${currency}, ${day})::text as rate`))[0]!.rate;

describe("ECB exchange rates", () => {
  it("a broken answer is refused in plain words and writes nothing", async () => {
    const html = async () => new Response("<html><body>Service unavailable</body></html>", { status: 200, headers: { "content-type": "text/html" } });
    await expect(fetchExchangeRates(t.db, { fetch: html, now: NOW })).rejects.toThrow(/not in its known form/);
    const down = async () => new Response("", { status: 503 });
    await expect(fetchExchangeRates(t.db, { fetch: down, now: NOW })).rejects.toThrow(/The ECB answered 503 for eurofxref-hist.xml/);
    expect(await t.db.select().from(exchangeRates)).toHaveLength(0);
  });

  it("the first fetch loads the whole series of the last three years, exactly as the ECB publishes it", async () => {
    const fetched = await fetchExchangeRates(t.db, { now: NOW });
    expect(fetched.feed).toBe("eurofxref-hist.xml");
    expect(fetched.latestDay).toBe("2026-12-07");
    const truth = await feed("eurofxref-hist.xml", "2023-12-07");
    expect(fetched.rowsWritten).toBe(truth.length);
    const stored = await t.db.select({ day: exchangeRates.day, currency: exchangeRates.currency, rate: sql<string>`${exchangeRates.eurRate}::float8::text` }).from(exchangeRates);
    const key = (r: { day: string; currency: string }) => `${r.day}|${r.currency}`;
    const byKey = new Map(stored.map((r) => [key(r), r.rate]));
    expect(byKey.size).toBe(truth.length);
    for (const r of truth) expect(byKey.get(key(r)), key(r)).toBe(String(Number(r.rate)));
  });

  it("fetched again, the last 90 days bring nothing new and write nothing", async () => {
    const again = await fetchExchangeRates(t.db, { now: NOW });
    expect(again).toMatchObject({ feed: "eurofxref-hist-90d.xml", latestDay: "2026-12-07", rowsWritten: 0 });
  });

  it("a weekend, a holiday or today before 16:00 uses the last rate published before it; the euro is 1", async () => {
    const friday = (await feed("eurofxref-hist-90d.xml")).find((r) => r.day === "2026-12-04" && r.currency === "USD")!.rate;
    expect(Number(await rateOn("USD", "2026-12-06"))).toBe(Number(friday));
    expect(Number(await rateOn("USD", "2026-12-05"))).toBe(Number(friday));
    expect(await rateOn("EUR", "2026-12-06")).toBe("1");
    // Nothing was published before the series we keep, and the ECB quotes no dirham.
    expect(await rateOn("USD", "2020-01-01")).toBeNull();
    expect(await rateOn("AED", "2026-12-06")).toBeNull();
  });

  it("converts through the euro with the day's two rates, exactly", async () => {
    const rates = (await feed("eurofxref-daily.xml")).filter((r) => ["USD", "JPY"].includes(r.currency));
    const usd = rates.find((r) => r.currency === "USD")!.rate;
    const jpy = rates.find((r) => r.currency === "JPY")!.rate;
    const [row] = await t.db.execute<{ exact: boolean; unchanged: string }>(
      sql`select in_currency(12345.67, 'JPY', 'USD', '2026-12-07') = 12345.67 / ${jpy}::numeric * ${usd}::numeric as exact,
        in_currency(10.5, 'USD', 'USD', '2026-12-07')::text as unchanged`,
    );
    expect(row).toEqual({ exact: true, unchanged: "10.5" });
  });
});
