import { describe, expect, it } from "vitest";
import { parseEcbFeed } from "./ecb-feed";

/* The ECB's XML as https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml serves it (its form, abridged). */
const DAILY = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
\t<gesmes:subject>Reference rates</gesmes:subject>
\t<gesmes:Sender>
\t\t<gesmes:name>European Central Bank</gesmes:name>
\t</gesmes:Sender>
\t<Cube>
\t\t<Cube time='2026-12-04'>
\t\t\t<Cube currency='USD' rate='1.1650'/>
\t\t\t<Cube currency='JPY' rate='180.61'/>
\t\t\t<Cube currency='GBP' rate='0.87310'/>
\t\t</Cube>
\t\t<Cube time='2026-12-03'>
\t\t\t<Cube currency='USD' rate='1.1648'/>
\t\t</Cube>
\t</Cube>
</gesmes:Envelope>`;

describe("the ECB's rate feed", () => {
  it("reads every day's rates as the ECB writes them, decimals untouched", () => {
    expect(parseEcbFeed(DAILY)).toEqual([
      { day: "2026-12-04", currency: "USD", rate: "1.1650" },
      { day: "2026-12-04", currency: "JPY", rate: "180.61" },
      { day: "2026-12-04", currency: "GBP", rate: "0.87310" },
      { day: "2026-12-03", currency: "USD", rate: "1.1648" },
    ]);
  });

  it("stops at the first day older than asked for (the feeds list the newest first)", () => {
    expect(parseEcbFeed(DAILY, { since: "2026-12-04" }).map((r) => r.day)).toEqual(["2026-12-04", "2026-12-04", "2026-12-04"]);
    // What follows the last day wanted is not even read: a broken tail does not matter.
    expect(parseEcbFeed(DAILY.replace("</gesmes:Envelope>", "<broken"), { since: "2026-12-04" })).toHaveLength(3);
  });

  it("refuses what is not the ECB's feed, in plain words", () => {
    expect(() => parseEcbFeed("<html><body>Maintenance</body></html>")).toThrow(/not in its known form: it is a <html> document/);
    expect(() => parseEcbFeed(DAILY.slice(0, 500))).toThrow(/not valid XML/);
    expect(() => parseEcbFeed("")).toThrow(/empty/);
    expect(() => parseEcbFeed(DAILY.replace("rate='180.61'", "rate='n/a'"))).toThrow(/2026-12-04 has the rate "n\/a" for "JPY"/);
    expect(() => parseEcbFeed(DAILY.replace("time='2026-12-03'", "time='03.12.2026'"))).toThrow(/a day is written "03.12.2026"/);
    expect(() => parseEcbFeed(DAILY.replace(/<Cube time[\s\S]*<\/Cube>\n\t<\/Cube>/, "</Cube>"))).toThrow(/lists no day|not valid XML/);
  });
});
