import { inngest } from "~/inngest/client";
import { ecbRatesPublished, exchangeRatesRequested, storeAuthorized } from "~/inngest/events";

/**
 * The European Central Bank's euro reference rates for base-currency totals: fetched once a day shortly
 * after the ECB publishes them (about 16:00 CET on its working days), on request, and when a store is
 * authorized while no rates were fetched in the last day (a new installation's first figures need them,
 * and should not wait for the afternoon).
 */
export const fetchExchangeRatesFn = inngest.createFunction(
  {
    id: "fetch-exchange-rates",
    name: "Fetch ECB exchange rates",
    triggers: [ecbRatesPublished, exchangeRatesRequested, storeAuthorized],
    singleton: { mode: "skip" },
  },
  async ({ event, step }) =>
    step.run("fetch-and-store", async () => {
      const { db } = await import("~/db/client");
      const { fetchExchangeRates, ratesFetchedWithin } = await import("~/server/currency/exchange-rates");
      if (event.name === storeAuthorized.name && (await ratesFetchedWithin(db, 24))) return { skipped: "rates fetched within the last day" };
      return fetchExchangeRates(db);
    }),
);
