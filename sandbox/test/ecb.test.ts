import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../index";
import { isTargetDay, latestPublishedDay, rateOn } from "../ecb/rates";

/* The ECB's reference-rate feeds as the sandbox serves them: its calendar, its publication hour, its XML. */

describe("ECB calendar", () => {
  it("publishes on TARGET working days only: no weekends, New Year, Good Friday, Easter Monday, 1 May, 25–26 December", () => {
    // Easter 2026 is on 5 April.
    for (const day of ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-12-25", "2026-12-26", "2026-12-05", "2026-12-06"]) expect(isTargetDay(day), day).toBe(false);
    for (const day of ["2026-01-02", "2026-04-02", "2026-04-07", "2026-12-07", "2026-12-24", "2026-12-31"]) expect(isTargetDay(day), day).toBe(true);
  });

  it("a day's rates appear at 16:00 CET; before that, and over a weekend, the last working day's are the latest", () => {
    // Monday 7 December 2026, 15:59 and 16:00 in Frankfurt (UTC+1).
    expect(latestPublishedDay(Date.parse("2026-12-07T14:59:00Z"))).toBe("2026-12-04");
    expect(latestPublishedDay(Date.parse("2026-12-07T15:00:00Z"))).toBe("2026-12-07");
    expect(latestPublishedDay(Date.parse("2026-12-06T12:00:00Z"))).toBe("2026-12-04");
    // Easter Monday 2026: Thursday's rates until Tuesday afternoon.
    expect(latestPublishedDay(Date.parse("2026-04-07T10:00:00Z"))).toBe("2026-04-02");
  });

  it("rates are a pure function of the seed, near realistic levels, with the ECB's decimals; the lev leaves with 2026", () => {
    expect(rateOn("s", "USD", "2026-12-04")).toBe(rateOn("s", "USD", "2026-12-04"));
    expect(rateOn("s", "USD", "2026-12-04")).not.toBe(rateOn("t", "USD", "2026-12-04"));
    expect(rateOn("s", "USD", "2026-12-04")).toMatch(/^1\.\d{4}$/);
    expect(rateOn("s", "JPY", "2026-12-04")).toMatch(/^1[4-8]\d\.\d{2}$/);
    expect(rateOn("s", "GBP", "2026-12-04")).toMatch(/^0\.\d{5}$/);
    expect(rateOn("s", "BGN", "2025-12-31")).toBe("1.9558");
    expect(rateOn("s", "BGN", "2026-01-02")).toBeUndefined();
    expect(rateOn("s", "XYZ", "2026-01-02")).toBeUndefined();
  });
});

describe("ECB feeds", () => {
  let sb: RunningSandbox;
  // Monday 7 December 2026, 17:00 in Frankfurt: that day's rates are out.
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, seed: "ecb", volume: "tiny", now: () => new Date("2026-12-07T16:00:00Z"), historyDays: 30 });
  });
  afterAll(() => sb.close());

  const get = async (feed: string) => {
    const response = await fetch(`${sb.origin}/stats/eurofxref/${feed}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/xml");
    return response.text();
  };
  const days = (xml: string) => [...xml.matchAll(/<Cube time='(\d{4}-\d{2}-\d{2})'>/g)].map((m) => m[1]!);

  it("eurofxref-daily.xml: the ECB's envelope, today's cube of every currency", async () => {
    const xml = await get("eurofxref-daily.xml");
    expect(xml.startsWith(`<?xml version="1.0" encoding="UTF-8"?>\n<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">`)).toBe(true);
    expect(xml).toContain("<gesmes:name>European Central Bank</gesmes:name>");
    expect(days(xml)).toEqual(["2026-12-07"]);
    expect(xml).toContain(`<Cube currency='USD' rate='${rateOn("ecb", "USD", "2026-12-07")}'/>`);
    expect([...xml.matchAll(/currency='([A-Z]{3})'/g)].map((m) => m[1])).toHaveLength(29);
  });

  it("eurofxref-hist-90d.xml: the working days of the last 90, newest first", async () => {
    const list = days(await get("eurofxref-hist-90d.xml"));
    expect(list[0]).toBe("2026-12-07");
    expect(list.at(-1)! >= "2026-09-08").toBe(true);
    expect(list.length).toBeGreaterThan(60);
    expect(list.every(isTargetDay)).toBe(true);
    expect([...list].sort().reverse()).toEqual(list);
  });

  it("eurofxref-hist.xml: every working day since 4 January 1999", async () => {
    const xml = await get("eurofxref-hist.xml");
    const list = days(xml);
    expect(list[0]).toBe("2026-12-07");
    expect(list.at(-1)).toBe("1999-01-04");
    expect(xml).toContain(`<Cube time='2025-12-31'>\n\t\t\t<Cube currency='USD' rate='${rateOn("ecb", "USD", "2025-12-31")}'/>`);
    expect(xml).toContain("<Cube currency='BGN' rate='1.9558'/>");
  });
});
