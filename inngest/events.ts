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
  schema: z.object({ organizationId: z.string(), storeId: z.string() }),
});

export const executorHistoryPruneRequested = eventType("executor/history-prune.requested", {
  schema: z.object({ olderThanDays: z.number().int().positive().optional() }),
});

/** Daily at 03:30 UTC, a quiet hour for every marketplace we serve. */
export const dailyMaintenance = cron("TZ=UTC 30 3 * * *");
