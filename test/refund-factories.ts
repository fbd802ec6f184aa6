import { DateTime } from "luxon";
import type { Database } from "~/db/client";
import { customerReturns, refundItems } from "~/server/sync/tasks/refund-orders/table";
import type { createStore } from "./factories";

/**
 * What the refunds sync leaves for a store made by `createStore`: a refund of the second of `orderIds` (a
 * shipped order), and the FBA return behind it, whose reason carries `tag` so a leak of it shows.
 */
export async function createRefunds(db: Database, store: Awaited<ReturnType<typeof createStore>>, seed: number, tag: string, orderIds: string[]) {
  const { organizationId } = store.store;
  const postedAt = DateTime.now().setZone(store.marketplace.timeZone).minus({ hours: 3 });
  const sku = `SKU-${tag}`;
  await db.insert(refundItems).values({
    organizationId,
    storeMarketplaceId: store.marketplace.id,
    amazonOrderId: orderIds[1]!,
    postedAt: postedAt.toJSDate(),
    adjustmentItemId: `AD${tag}`,
    orderItemId: `OI${tag}1`,
    sellerSku: sku,
    quantity: seed,
    postedDay: postedAt.toISODate()!,
    currency: "USD",
    principal: `-${seed}1.00`,
    tax: `-${seed}.10`,
    shipping: "0",
    shippingTax: "0",
    otherCharges: "0",
    promotion: "0",
    commission: `${seed}.15`,
    refundCommission: `-0.${seed}0`,
    otherFees: "0",
    taxWithheld: "0",
    charges: [{ type: "Principal", amount: `-${seed}1.00` }, { type: "Tax", amount: `-${seed}.10` }],
    fees: [{ type: "Commission", amount: `${seed}.15` }, { type: "RefundCommission", amount: `-0.${seed}0` }],
    promotions: [],
    taxesWithheld: [],
    syncedAt: new Date(),
  });
  await db.insert(customerReturns).values({
    organizationId,
    storeId: store.store.id,
    amazonOrderId: orderIds[1]!,
    sku,
    returnedAt: postedAt.minus({ hours: 1 }).toJSDate(),
    licensePlateNumber: `LPN${tag}`,
    returnDay: postedAt.toISODate()!,
    quantity: seed,
    reason: `DEFECTIVE-${tag}`,
    status: "Unit returned to inventory",
    syncedAt: new Date(),
  });
}
