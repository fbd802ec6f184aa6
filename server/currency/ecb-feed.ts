import { SaxesParser } from "saxes";

export interface EcbRate {
  /** The ECB's day (YYYY-MM-DD). */
  day: string;
  currency: string;
  /** Units of the currency per euro, as the ECB writes it (text: never read through a float). */
  rate: string;
}

export class EcbFeedError extends Error {
  override name = "EcbFeedError";
}

const GESMES_NAMESPACE = "http://www.gesmes.org/xml/2002-08-01";
const ECB_NAMESPACE = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCY = /^[A-Z]{3}$/;
const RATE = /^\d+(\.\d+)?$/;

/**
 * Reads one of the ECB's feeds (eurofxref-daily.xml, -hist-90d.xml, -hist.xml) as it arrives: every day's
 * cube of currency/rate pairs, by a streaming, strictly conforming XML parser (saxes). The feeds list the
 * newest day first, so a reader given `since` is done at the first older day and the rest of the series
 * (back to 1999, some 9 MB) need not even be downloaded. A document that is not the ECB's (an error page, a
 * truncated download) is refused in plain words rather than read as "no rates".
 */
export function ecbFeedReader(options: { since?: string } = {}) {
  const rates: EcbRate[] = [];
  // Namespaces are checked once, on the envelope's declarations: resolving them per element doubles the time.
  const parser = new SaxesParser();
  let root: string | undefined;
  let day: string | undefined;
  let days = 0;
  let problem: string | undefined;
  let done = false;
  parser.on("opentag", (tag) => {
    if (problem || done) return;
    if (root === undefined) {
      root = tag.name;
      if (tag.name !== "gesmes:Envelope" || tag.attributes["xmlns:gesmes"] !== GESMES_NAMESPACE || tag.attributes.xmlns !== ECB_NAMESPACE)
        problem = `it is a <${tag.name}> document, not the ECB's envelope`;
      return;
    }
    if (tag.name !== "Cube") return;
    const time = tag.attributes.time;
    const currency = tag.attributes.currency;
    if (time !== undefined) {
      if (!DAY.test(time)) problem = `a day is written "${time}"`;
      else if (options.since && time < options.since) done = true;
      day = time;
      days += 1;
    } else if (currency !== undefined) {
      const rate = tag.attributes.rate ?? "";
      if (!day) problem = `the rate of ${currency} belongs to no day`;
      else if (!CURRENCY.test(currency) || !RATE.test(rate)) problem = `${day} has the rate "${rate}" for "${currency}"`;
      else rates.push({ day, currency, rate });
    }
  });
  const fail = (error: unknown): never => {
    throw new EcbFeedError(`The ECB's rate feed is not valid XML: ${(error as Error).message}`);
  };
  const check = () => {
    if (problem) throw new EcbFeedError(`The ECB's rate feed is not in its known form: ${problem}.`);
  };
  return {
    /** Whether the days asked for are all read (the rest of the document is older). */
    get done() {
      return done || problem !== undefined;
    },
    write(chunk: string) {
      if (done) return;
      try {
        parser.write(chunk);
      } catch (error) {
        fail(error);
      }
      check();
    },
    /** Ends the document (unless the reader stopped early) and returns its rates. */
    end(): EcbRate[] {
      check();
      if (!done) {
        if (root === undefined) throw new EcbFeedError("The ECB's rate feed is empty.");
        try {
          parser.close();
        } catch (error) {
          fail(error);
        }
        check();
      }
      if (!days) throw new EcbFeedError("The ECB's rate feed lists no day.");
      return rates;
    },
  };
}

/** A whole feed's rates. */
export function parseEcbFeed(xml: string, options: { since?: string } = {}): EcbRate[] {
  const reader = ecbFeedReader(options);
  reader.write(xml);
  return reader.end();
}
