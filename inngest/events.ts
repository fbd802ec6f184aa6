import { cron, eventType } from "inngest";
import { z } from "zod";

/*
 * Every event the product sends or receives, declared once with its schema. Names are past tense
 * (`domain/entity.happened`). Use these as triggers and with `inngest.send(storeAuthorized.create(...))`.
 */

export const storeAuthorized = eventType("amazon/store.authorized", {
  schema: z.object({
    organizationId: z.string(),
    storeId: z.string(),
    sellerId: z.string(),
    marketplaceIds: z.array(z.string()),
  }),
});

export const storeDisconnected = eventType("amazon/store.disconnected", {
  schema: z.object({ organizationId: z.string(), storeId: z.string(), storeMarketplaceIds: z.array(z.string()) }),
});

export const adsAuthorized = eventType("amazon/ads.authorized", {
  schema: z.object({ organizationId: z.string(), adProfileIds: z.array(z.string()) }),
});

export const adsDisconnected = eventType("amazon/ads.disconnected", {
  schema: z.object({ organizationId: z.string(), adProfileId: z.string() }),
});

/**
 * One window of one sync task for one scope (an ad profile or a store marketplace): `sync/<task>.requested`,
 * sent by the scheduler, the initial syncs after an authorization and the Sync center's buttons.
 */
export const syncRequestSchema = z.object({
  organizationId: z.string(),
  scopeId: z.string(),
  window: z.string(),
  trigger: z.enum(["authorization", "schedule", "manual"]),
});
export const syncRequested = (taskKey: string) => eventType(`sync/${taskKey}.requested`, { schema: syncRequestSchema });

/** Every five minutes the scheduler sends the sync windows that have come due. */
export const syncSchedulerTick = cron("TZ=UTC */5 * * * *");

export const executorHistoryPruneRequested = eventType("executor/history-prune.requested", {
  schema: z.object({ olderThanDays: z.number().int().positive().optional() }),
});

/** Shortly after the ECB publishes its euro reference rates (about 16:00 CET, on working days). */
export const ecbRatesPublished = cron("TZ=Europe/Berlin 30 16 * * 1-5");

/** Fetch the ECB's rates now (an operator, a test). */
export const exchangeRatesRequested = eventType("currency/exchange-rates.requested", { schema: z.object({}) });

/** Daily at 03:30 UTC, a quiet hour for every marketplace we serve. */
export const dailyMaintenance = cron("TZ=UTC 30 3 * * *");
