import { insertChange, insertEntity } from "~/server/advertising/testing";
import { randomUUID } from "node:crypto";
import type { Database } from "~/db/client";
import { DateTime } from "luxon";
import {
  adCampaignDaily,
  adDayRefreshes,
  adGroupDaily,
  adProductDaily,
  adProfiles,
  adSearchTermDaily,
  adTargetDaily,
  amazonGrants,
  memberships,
  orderItems,
  orders,
  organizations,
  productCosts,
  storeMarketplaces,
  stores,
  syncRuns,
  syncStates,
  users,
} from "~/db/schema";
import { encryptSecret } from "~/server/crypto/secrets";
import { longTermStorageFees } from "~/server/sync/tasks/long-term-storage-fees/table";
import { products } from "~/server/sync/tasks/products-full/table";
import { storageFees } from "~/server/sync/tasks/monthly-storage-fees/table";
import { inventoryLedgerEvents } from "~/server/sync/tasks/claims/table";
import { reimbursements } from "~/server/sync/tasks/reimbursements/table";
import { removalOrders } from "~/server/sync/tasks/removals/table";
import { salesMetricsDaily } from "~/server/sync/tasks/sales-api/table";
import { hashPassword } from "~/server/accounts/password";
import type { Role } from "~/server/organizations/roles";
import { createCaller } from "~/server/trpc/root";
import { createRefunds } from "./refund-factories";
import { createInventory } from "./inventory-factories";

export const TEST_PASSWORD = "factory-password-42";
let passwordHash: Promise<string> | undefined;

/** Every factory user shares one hash: scrypt is slow on purpose, tests need not be. */
const sharedHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export async function createUser(db: Database, overrides: Partial<typeof users.$inferInsert> = {}) {
  const id = randomUUID().slice(0, 8);
  const [user] = await db
    .insert(users)
    .values({ email: `user-${id}@example.com`, name: `User ${id}`, passwordHash: await sharedHash(), ...overrides })
    .returning();
  return user!;
}

export async function createOrganization(db: Database, overrides: Partial<typeof organizations.$inferInsert> = {}) {
  const [organization] = await db
    .insert(organizations)
    .values({ name: `Org ${randomUUID().slice(0, 8)}`, ...overrides })
    .returning();
  return organization!;
}

export async function addMember(db: Database, organizationId: string, userId: string, role: Role) {
  await db.insert(memberships).values({ organizationId, userId, role });
}

/** An organization with a member of the given role; returns both and a tRPC caller acting as that member. */
export async function createMemberOf(db: Database, role: Role = "owner", organizationId?: string) {
  const organization = organizationId ? { id: organizationId } : await createOrganization(db);
  const user = await createUser(db);
  await addMember(db, organization.id, user.id, role);
  return { organizationId: organization.id, user, caller: callerFor(db, user.id, organization.id) };
}

export function callerFor(db: Database, userId: string | null, requestedOrganizationId?: string) {
  return createCaller({ db, userId, requestedOrganizationId });
}

/** A store with one marketplace, its (encrypted) grant and a connected ad profile, as an authorization leaves them. */
export async function createStore(db: Database, organizationId: string) {
  const id = randomUUID().slice(0, 8).toUpperCase();
  const [grant] = await db
    .insert(amazonGrants)
    .values({
      organizationId,
      kind: "store",
      region: "na",
      sellingPartnerId: `A${id}`,
      refreshTokenEncrypted: encryptSecret(`Atzr|factory-${id}`),
      authorizedAt: new Date(),
    })
    .returning();
  const [store] = await db
    .insert(stores)
    .values({ organizationId, grantId: grant!.id, sellingPartnerId: `A${id}`, region: "na", name: `Store ${id}` })
    .returning();
  const [marketplace] = await db
    .insert(storeMarketplaces)
    .values({
      organizationId,
      storeId: store!.id,
      marketplaceId: "ATVPDKIKX0DER",
      countryCode: "US",
      name: "Amazon.com",
      currencyCode: "USD",
      timeZone: "America/Los_Angeles",
      domainName: "www.amazon.com",
      isParticipating: true,
    })
    .returning();
  const [profile] = await db
    .insert(adProfiles)
    .values({
      organizationId,
      grantId: grant!.id,
      profileId: String(Date.now()) + String(Math.floor(Math.random() * 1000)),
      region: "na",
      countryCode: "US",
      currencyCode: "USD",
      timeZone: "America/Los_Angeles",
      marketplaceId: "ATVPDKIKX0DER",
      accountId: `ENTITY${id}`,
      accountName: `Ads ${id}`,
      accountType: "seller",
      storeMarketplaceId: marketplace!.id,
      connected: true,
    })
    .returning();
  return { grant: grant!, store: store!, marketplace: marketplace!, adProfile: profile! };
}

/**
 * What a few syncs leave behind for a store made by `createStore`: orders with items, a day of every ad
 * report, sync states, runs and day refreshes — with figures of its own (`seed`), so totals of two
 * organizations differ. Returns the ids and strings only this data contains.
 */
export async function createSyncedData(db: Database, store: Awaited<ReturnType<typeof createStore>>, seed: number) {
  const { organizationId } = store.store;
  const tag = randomUUID().slice(0, 8).toUpperCase();
  const today = DateTime.now().setZone(store.marketplace.timeZone);
  const days = [today, today.minus({ days: 1 })].map((d) => d.toISODate()!);
  const orderIds = days.map((_, i) => `11${seed}-${tag}-${i}`);
  const asin = `B0${tag}`;
  const sku = `SKU-${tag}`;
  for (const [i, amazonOrderId] of orderIds.entries()) {
    const purchaseDate = DateTime.fromISO(`${days[i]}T12:00:00`, { zone: store.marketplace.timeZone }).toJSDate();
    await db.insert(orders).values({
      organizationId,
      storeMarketplaceId: store.marketplace.id,
      amazonOrderId,
      purchaseDate,
      purchaseDay: days[i]!,
      lastUpdateDate: purchaseDate,
      itemsSyncedFor: purchaseDate,
      status: i === 0 ? "Pending" : "Shipped",
      orderTotal: i === 0 ? null : `${seed}${i}.25`,
      currencyCode: "USD",
      numberOfItemsShipped: i,
      syncedAt: new Date(),
    });
    await db.insert(orderItems).values({
      organizationId,
      storeMarketplaceId: store.marketplace.id,
      amazonOrderId,
      orderItemId: `OI${tag}${i}`,
      asin,
      sellerSku: sku,
      title: `Product ${tag}`,
      quantityOrdered: seed + i,
      itemPrice: i === 0 ? null : `${seed}${i}.25`,
      currencyCode: "USD",
      syncedAt: new Date(),
    });
  }
  const campaignId = `${seed}0${Date.now() % 100000}`;
  const adGroupId = `${campaignId}1`;
  const targetId = `${campaignId}2`;
  const metrics = (k: number) => ({
    impressions: seed * 100 + k,
    clicks: seed + k,
    cost: `${seed}.${k}5`,
    sales7d: `${seed * 3}.00`,
    purchases7d: seed,
    unitsSold7d: seed,
    sales14d: `${seed * 4}.00`,
    purchases14d: seed + 1,
    refreshedAt: new Date(),
  });
  const adProfileId = store.adProfile.id;
  for (const [k, day] of days.entries()) {
    const base = { organizationId, adProfileId, day, ...metrics(k) };
    await db.insert(adCampaignDaily).values({ ...base, campaignId, campaignName: `Campaign ${tag}`, campaignStatus: "ENABLED" });
    await db.insert(adGroupDaily).values({ ...base, campaignId, adGroupId, adGroupName: `Ad group ${tag}` });
    await db.insert(adTargetDaily).values({ ...base, campaignId, adGroupId, targetId, targeting: `keyword ${tag}`, keywordType: "BROAD", matchType: "BROAD" });
    await db.insert(adProductDaily).values({ ...base, campaignId, adGroupId, adId: `${campaignId}3`, asin, sku });
    await db.insert(adSearchTermDaily).values({ ...base, campaignId, adGroupId, targetId, searchTerm: `search ${tag}` });
    await db.insert(adDayRefreshes).values({ organizationId, adProfileId, day, lastRefreshedAt: new Date(), refreshCount: seed });
  }
  // The ad account's entities with their settings, and a change Seller Central made to one.
  const scope = { organizationId, adProfileId };
  await insertEntity(db, scope, { kind: "campaign", entityId: campaignId, campaignId, name: `Campaign ${tag}`, budget: `${seed}7.00`, targetingType: "MANUAL" });
  await insertEntity(db, scope, { kind: "adGroup", entityId: adGroupId, campaignId, adGroupId, name: `Ad group ${tag}`, defaultBid: "0.75" });
  await insertEntity(db, scope, { kind: "keyword", entityId: targetId, campaignId, adGroupId, keywordText: `keyword ${tag}`, matchType: "BROAD", bid: "0.8" });
  await insertEntity(db, scope, { kind: "productAd", entityId: `${campaignId}3`, campaignId, adGroupId, sku, asin });
  await insertEntity(db, scope, { kind: "negativeKeyword", entityId: `${campaignId}4`, campaignId, adGroupId, keywordText: `negative ${tag}`, matchType: "NEGATIVE_EXACT" });
  await insertChange(db, scope, { kind: "campaign", entityId: campaignId, campaignId, entityLabel: `Campaign ${tag}`, field: "budget", before: "10", after: `${seed}7`, at: new Date() });
  await db.insert(removalOrders).values(
    days.map((day, i) => ({
      organizationId,
      storeMarketplaceId: store.marketplace.id,
      orderId: `RM${tag}${i}`,
      sku,
      fnsku: `X00${tag}`,
      disposition: "Sellable",
      requestDay: day,
      requestedAt: DateTime.fromISO(`${day}T10:00:00`, { zone: store.marketplace.timeZone }).toJSDate(),
      orderType: i === 0 ? "Return" : "Disposal",
      orderStatus: "Completed",
      requestedQuantity: seed + i,
      cancelledQuantity: 0,
      disposedQuantity: i === 0 ? 0 : seed + i,
      shippedQuantity: i === 0 ? seed : 0,
      inProcessQuantity: 0,
      removalFee: `${seed}.${i}0`,
      currency: "USD",
      syncedAt: new Date(),
    })),
  );
  await db.insert(inventoryLedgerEvents).values(
    days.map((day, i) => ({
      organizationId,
      storeMarketplaceId: store.marketplace.id,
      eventDay: day,
      eventType: "Adjustments",
      referenceId: `LG${tag}${i}`,
      fnsku: `X00${tag}`,
      fulfillmentCenter: "PHX6",
      disposition: "SELLABLE",
      reason: i === 0 ? "M" : "E",
      occurredAt: DateTime.fromISO(`${day}T09:00:00`, { zone: store.marketplace.timeZone }).toJSDate(),
      sku,
      asin,
      title: `Product ${tag}`,
      quantity: -(seed + i),
      country: "US",
      syncedAt: new Date(),
    })),
  );
  await db.insert(reimbursements).values(
    days.map((day, i) => ({
      organizationId,
      storeId: store.store.id,
      reimbursementId: `RB${tag}${i}`,
      sku,
      fnsku: `X00${tag}`,
      approvalDay: day,
      approvedAt: DateTime.fromISO(`${day}T12:00:00`, { zone: "America/Los_Angeles" }).toJSDate(),
      caseId: `CS${tag}`,
      amazonOrderId: orderIds[i]!,
      reason: i === 0 ? "Lost_Warehouse" : "Damaged_Warehouse",
      asin,
      productName: `Product ${tag}`,
      condition: "NewItem",
      currency: "USD",
      amountPerUnit: `${seed}.50`,
      amountTotal: `${seed * 2}.00`,
      quantityCash: 2,
      quantityInventory: i,
      quantityTotal: 2 + i,
      syncedAt: new Date(),
    })),
  );
  // The seller's cost of the reimbursed SKU, above what Amazon paid: the reimbursements show as underpaid.
  await db.insert(productCosts).values({ organizationId, storeId: store.store.id, sku, validFrom: days.at(-1)!, currency: "USD", purchaseCost: `${seed + 10}.0000`, inboundShippingCost: "0", otherCost: "0", note: `cost of ${tag}` });
  await createProducts(db, store, seed, tag);
  await createRefunds(db, store, seed, tag, orderIds);
  await createInventory(db, store, seed, tag);
  const month = `${days[0]!.slice(0, 7)}-01`;
  await db.insert(storageFees).values({
    organizationId,
    storeMarketplaceId: store.marketplace.id,
    monthDay: month,
    asin,
    fnsku: `X00${tag}`,
    fulfillmentCenter: `FC${seed}`,
    productName: `Product ${tag}`,
    averageQuantityOnHand: `${seed}.5`,
    estimatedMonthlyStorageFee: `${seed}.1234`,
    currency: "USD",
    syncedAt: new Date(),
  });
  await db.insert(longTermStorageFees).values({
    organizationId,
    storeMarketplaceId: store.marketplace.id,
    monthDay: month,
    snapshotDate: days[0]!,
    sku,
    fnsku: `X00${tag}`,
    surchargeAgeTier: "365+",
    quantityCharged: seed,
    amountCharged: `${seed}.75`,
    currency: "USD",
    syncedAt: new Date(),
  });
  // Amazon's own figures of both days (Sales API), one order more than the orders above: a gap to explain.
  await db.insert(salesMetricsDaily).values(
    days.map((day, i) => ({
      organizationId,
      storeMarketplaceId: store.marketplace.id,
      day,
      orderCount: 2 + i,
      orderItemCount: 2 + i,
      unitCount: seed + i + 1,
      totalSales: `${seed}${i}.75`,
      averageUnitPrice: `${seed}.25`,
      currency: "USD",
      syncedAt: new Date(),
    })),
  );
  const scopes = [
    { task: "ads-performance", window: "backfill", scopeKind: "ad_profile", scopeId: adProfileId },
    { task: "sales-api", window: "last-3-days", scopeKind: "store_marketplace", scopeId: store.marketplace.id },
    { task: "orders-incremental", window: "since-yesterday", scopeKind: "store_marketplace", scopeId: store.marketplace.id },
    { task: "orders-history", window: "backfill", scopeKind: "store_marketplace", scopeId: store.marketplace.id },
  ];
  const states = await db
    .insert(syncStates)
    .values(
      scopes.map((s, i) => ({
        organizationId,
        ...s,
        status: i === 0 ? "failed" : "idle",
        lastStartedAt: new Date(),
        lastSucceededAt: i === 0 ? null : new Date(),
        nextDueAt: new Date(Date.now() + 3600_000),
        progressDone: seed,
        progressTotal: 60,
        lastError: i === 0 ? `Amazon refused ${tag}` : null,
        consecutiveFailures: i === 0 ? seed : 0,
      })),
    )
    .returning({ id: syncStates.id });
  const runs = await db
    .insert(syncRuns)
    .values(
      scopes.map((s, i) => ({
        organizationId,
        task: s.task,
        window: s.window,
        scopeId: s.scopeId,
        trigger: "schedule",
        windows: [{ start: days[1]!, end: days[0]! }],
        status: i === 0 ? "failed" : "succeeded",
        rowsWritten: seed * 10 + i,
        apiCalls: seed + i,
        error: i === 0 ? `Amazon refused ${tag}` : null,
        startedAt: new Date(Date.now() - 60_000),
        finishedAt: new Date(),
      })),
    )
    .returning({ id: syncRuns.id });
  return {
    campaignId,
    adGroupId,
    ids: [...orderIds, ...days.map((_, i) => `RM${tag}${i}`), ...days.map((_, i) => `RB${tag}${i}`), campaignId, adGroupId, targetId, ...states.map((s) => s.id), ...runs.map((r) => r.id)],
    markers: [tag, asin, sku],
  };
}

/**
 * What the all-listings report leaves for a store made by `createStore`, one listing of each kind: an
 * active FBA listing with a picture, opened two years ago (older than any date range); an inactive FBM one
 * without a picture, opened yesterday; and an incomplete FBM one Amazon has not matched to an ASIN yet,
 * opened today. Every SKU carries `tag`, so a leak of these rows shows.
 */
export async function createProducts(db: Database, store: Awaited<ReturnType<typeof createStore>>, seed: number, tag = randomUUID().slice(0, 8).toUpperCase()) {
  const zone = store.marketplace.timeZone;
  const opened = (daysAgo: number) => {
    const at = DateTime.now().setZone(zone).minus({ days: daysAgo }).set({ hour: 9, minute: 30, second: 0, millisecond: 0 });
    return { openedAt: at.toJSDate(), openDay: at.toISODate()! };
  };
  const base = { organizationId: store.store.organizationId, storeMarketplaceId: store.marketplace.id, currency: "USD", itemCondition: "New", syncedAt: new Date() };
  const rows = [
    {
      ...base,
      sku: `SKU-${tag}`,
      asin: `B0${tag}`,
      title: `Stainless Kettle ${tag}`,
      listingId: `0${seed}${tag}A`,
      price: `${seed}9.9900`,
      quantity: null,
      pendingQuantity: 0,
      status: "Active",
      fulfillmentChannel: "AMAZON_NA",
      fulfilledBy: "FBA",
      ...opened(730),
      imageUrl: `https://m.media-amazon.com/images/I/${tag}.jpg`,
      productId: `B0${tag}`,
      productIdType: "1",
    },
    {
      ...base,
      sku: `SKU-${tag}-FBM`,
      asin: `B1${tag}`,
      title: `Oak Board ${tag}`,
      listingId: `0${seed}${tag}B`,
      price: `${seed}.5000`,
      quantity: seed,
      pendingQuantity: 1,
      status: "Inactive",
      fulfillmentChannel: "DEFAULT",
      fulfilledBy: "FBM",
      ...opened(1),
      imageUrl: null,
      productId: `B1${tag}`,
      productIdType: "1",
    },
    {
      ...base,
      sku: `SKU-${tag}-NEW`,
      asin: null,
      title: null,
      listingId: null,
      price: null,
      quantity: 0,
      pendingQuantity: 0,
      status: "Incomplete",
      fulfillmentChannel: "DEFAULT",
      fulfilledBy: "FBM",
      ...opened(0),
      imageUrl: null,
      productId: null,
      productIdType: null,
    },
  ];
  await db.insert(products).values(rows);
  return { skus: rows.map((r) => r.sku), tag };
}
