/**
 * The sync catalog: one entry per item of the product's data-sync promise (shared/spec/data-sync.txt).
 * The scheduler, the Inngest functions and the Sync center all read this list; each entry quotes the
 * sentence of the spec it implements. Entries whose job is not built yet say so (`available: false`) and
 * the Sync center shows them as "not available yet" instead of pretending.
 */

export type SyncScope = "ad_profile" | "store_marketplace";

export type Cadence =
  /** Runs again between `minMinutes` and `maxMinutes` after the previous run started. */
  | { kind: "interval"; minMinutes: number; maxMinutes: number }
  /** Once per local day of the scope's time zone, at or after `atLocalHour`. */
  | { kind: "daily"; atLocalHour: number }
  /** On the given days of each local month, once per day. */
  | { kind: "monthly-days"; fromDay: number; toDay: number; atLocalHour: number }
  /** Only when triggered by an event (authorization, another sync, a button). */
  | { kind: "on-demand" };

/** A range of local days counted back from today (day 0 = today, 1 = yesterday, …). */
export interface DayRange {
  fromDaysAgo: number;
  toDaysAgo: number;
}

export interface SyncWindowRule {
  /** What this window is for, in the spec's words. */
  label: string;
  cadence: Cadence;
  days: DayRange[];
}

export interface SyncTask {
  key: SyncTaskKey;
  title: string;
  /** Where it is in the spec ("Advertising data ②", "Store sales data ⑤"…). */
  specItem: string;
  /** The spec's own sentence(s). */
  promise: string;
  scope: SyncScope;
  /** Amazon operations it calls. */
  source: string[];
  /** Tables it writes. */
  dataset: string[];
  /** What authorization triggers, and how far back. */
  backfill?: { label: string; days?: number; months?: number; skipRecentMonths?: number };
  windows: SyncWindowRule[];
  /** The Sync center's "Sync now", where the spec offers a manual sync. */
  manual?: { label: string; path: string };
  available: boolean;
}

export const SYNC_TASK_KEYS = [
  "ads-performance",
  "ads-settings",
  "ads-additions",
  "orders-incremental",
  "orders-history",
  "products-full",
  "products-from-orders",
  "products-from-ads",
  "refund-orders",
  "inventory",
  "sales-api",
  "monthly-storage-fees",
  "long-term-storage-fees",
  "reimbursements",
  "claims",
  "removals",
] as const;
export type SyncTaskKey = (typeof SYNC_TASK_KEYS)[number];

const ADS_REPORTS = ["Ads reporting v3: spCampaigns, spTargeting, spAdvertisedProduct, spSearchTerm (DAILY)"];

export const SYNC_CATALOG: readonly SyncTask[] = [
  {
    key: "ads-performance",
    title: "Advertising data",
    specItem: "Advertising data ①②",
    promise:
      "After advertising authorization, synchronize advertising data for the last 60 days. Then update the last 2 days approximately every 30–60 minutes, and once a day days 3–9, 15–22, 31–40 and 51–60 (35 days), because Amazon advertising data may fluctuate within the last 60 days.",
    scope: "ad_profile",
    source: ADS_REPORTS,
    dataset: ["ad_campaign_daily", "ad_group_daily", "ad_target_daily", "ad_product_daily", "ad_search_term_daily", "ad_day_refreshes"],
    backfill: { label: "last 60 days", days: 60 },
    windows: [
      { label: "last 2 days", cadence: { kind: "interval", minMinutes: 30, maxMinutes: 60 }, days: [{ fromDaysAgo: 1, toDaysAgo: 0 }] },
      {
        label: "days 3–9, 15–22, 31–40, 51–60",
        cadence: { kind: "daily", atLocalHour: 4 },
        days: [
          { fromDaysAgo: 8, toDaysAgo: 2 },
          { fromDaysAgo: 21, toDaysAgo: 14 },
          { fromDaysAgo: 39, toDaysAgo: 30 },
          { fromDaysAgo: 59, toDaysAgo: 50 },
        ],
      },
    ],
    available: true,
  },
  {
    key: "ads-settings",
    title: "Ad settings (bids, budgets, status)",
    specItem: "Advertising data ③",
    promise:
      "Changes made in Amazon Seller Central to bids, budgets or Enable/Pause status are synchronized in about 12 hours. You can also synchronize immediately: Advertising → Bulk Actions → Synchronize Budget/Bid or Status.",
    scope: "ad_profile",
    source: ["Sponsored Products v3: campaigns, ad groups, keywords, targets list"],
    dataset: ["ad_campaigns", "ad_groups", "ad_targets"],
    windows: [{ label: "all entities", cadence: { kind: "interval", minMinutes: 12 * 60, maxMinutes: 12 * 60 + 30 }, days: [] }],
    manual: { label: "Synchronize Budget/Bid or Status", path: "/advertising" },
    available: false,
  },
  {
    key: "ads-additions",
    title: "Ad additions",
    specItem: "Advertising data ④",
    promise:
      "Campaigns, ad groups, promoted products and targeting added in Seller Central appear once they receive impressions. You can also synchronize directly: Advertising → Bulk Actions → Synchronize Amazon Additions.",
    scope: "ad_profile",
    source: ["Sponsored Products v3 list (entities not yet known)", ...ADS_REPORTS],
    dataset: ["ad_campaigns", "ad_groups", "ad_targets", "ad_product_ads"],
    windows: [],
    manual: { label: "Synchronize Amazon Additions", path: "/advertising" },
    available: false,
  },
  {
    key: "orders-incremental",
    title: "Incremental orders",
    specItem: "Store sales data ①",
    promise: "Orders generated from 00:00 yesterday onwards, synchronized approximately every 15–30 minutes.",
    scope: "store_marketplace",
    source: ["Orders v0 getOrders (CreatedAfter = local midnight yesterday)", "Orders v0 getOrderItems"],
    dataset: ["orders", "order_items"],
    windows: [{ label: "since 00:00 yesterday", cadence: { kind: "interval", minMinutes: 15, maxMinutes: 30 }, days: [{ fromDaysAgo: 1, toDaysAgo: 0 }] }],
    available: true,
  },
  {
    key: "orders-history",
    title: "Historical orders",
    specItem: "Store sales data ②",
    promise:
      "Orders generated before 00:00 yesterday, for nearly 1 year, in time spans sized by order volume: the larger the volume, the smaller the span.",
    scope: "store_marketplace",
    source: ["Reports: GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL (≤ 30 days per report)"],
    dataset: ["orders", "order_items"],
    backfill: { label: "about 1 year before yesterday", days: 365 },
    windows: [],
    available: false,
  },
  {
    key: "products-full",
    title: "Products (full report)",
    specItem: "Store sales data ③ method ①",
    promise: "Full product data through the product full report; it takes about 1–2 days.",
    scope: "store_marketplace",
    source: ["Reports: GET_MERCHANT_LISTINGS_ALL_DATA"],
    dataset: ["products"],
    windows: [{ label: "full catalog", cadence: { kind: "daily", atLocalHour: 2 }, days: [] }],
    available: false,
  },
  {
    key: "products-from-orders",
    title: "Products with sales",
    specItem: "Store sales data ③ method ②",
    promise: "ASINs and SKUs of synchronized orders, completed through the product details interface.",
    scope: "store_marketplace",
    source: ["Catalog Items 2022-04-01 getCatalogItem", "Listings Items 2021-08-01 getListingsItem"],
    dataset: ["products"],
    windows: [],
    available: false,
  },
  {
    key: "products-from-ads",
    title: "Advertised products",
    specItem: "Store sales data ③ method ③",
    promise: "ASINs and SKUs of promoted products, once advertising is authorized, completed through the product details interface.",
    scope: "store_marketplace",
    source: ["Catalog Items 2022-04-01 getCatalogItem"],
    dataset: ["products"],
    windows: [],
    available: false,
  },
  {
    key: "refund-orders",
    title: "Refund orders",
    specItem: "Store sales data ④",
    promise: "When a synchronized order is a refund order, its fee details are retrieved.",
    scope: "store_marketplace",
    source: ["Finances v0 listFinancialEventsByOrderId"],
    dataset: ["order_refunds", "order_fees"],
    windows: [],
    available: false,
  },
  {
    key: "inventory",
    title: "Inventory",
    specItem: "Store sales data ⑤",
    promise: "Inventory information, synchronized approximately every 1–2 hours.",
    scope: "store_marketplace",
    source: ["FBA Inventory v1 getInventorySummaries"],
    dataset: ["inventory_snapshots"],
    windows: [{ label: "current inventory", cadence: { kind: "interval", minMinutes: 60, maxMinutes: 120 }, days: [] }],
    available: false,
  },
  {
    key: "sales-api",
    title: "Amazon Sales API figures",
    specItem: "Store sales data ⑥",
    promise:
      "Sales amount, order quantity and sales volume as the Amazon backend shows them: the last 3 days about every 15 minutes (with a refresh button), days 3–30 twice a day; older data is no longer updated. Shown only in the All Sites Sales Summary, never used for profit.",
    scope: "store_marketplace",
    source: ["Sales v1 getOrderMetrics (granularity Day, marketplace time zone)"],
    dataset: ["sales_metrics_daily"],
    windows: [
      { label: "last 3 days", cadence: { kind: "interval", minMinutes: 15, maxMinutes: 15 }, days: [{ fromDaysAgo: 2, toDaysAgo: 0 }] },
      { label: "days 3–30", cadence: { kind: "interval", minMinutes: 12 * 60, maxMinutes: 12 * 60 }, days: [{ fromDaysAgo: 29, toDaysAgo: 2 }] },
    ],
    manual: { label: "Refresh", path: "/sales-summary" },
    available: false,
  },
  {
    key: "monthly-storage-fees",
    title: "Monthly storage fees",
    specItem: "Store sales data ⑦",
    promise:
      "The previous month's storage fees are synchronized from the 10th to the 18th of each month; after authorization, the 6 months before it are retrieved.",
    scope: "store_marketplace",
    source: ["Reports: GET_FBA_STORAGE_FEE_CHARGES_DATA"],
    dataset: ["storage_fees"],
    backfill: { label: "6 months before authorization", months: 6 },
    windows: [{ label: "previous month", cadence: { kind: "monthly-days", fromDay: 10, toDay: 18, atLocalHour: 6 }, days: [] }],
    available: false,
  },
  {
    key: "long-term-storage-fees",
    title: "Long-term storage fees",
    specItem: "Store sales data ⑧",
    promise:
      "The previous month's long-term storage fees are synchronized from the 18th to the 22nd of each month; after authorization, the 6 months before it are retrieved.",
    scope: "store_marketplace",
    source: ["Reports: GET_FBA_FULFILLMENT_LONGTERM_STORAGE_FEE_CHARGES_DATA"],
    dataset: ["long_term_storage_fees"],
    backfill: { label: "6 months before authorization", months: 6 },
    windows: [{ label: "previous month", cadence: { kind: "monthly-days", fromDay: 18, toDay: 22, atLocalHour: 6 }, days: [] }],
    available: false,
  },
  {
    key: "reimbursements",
    title: "Reimbursement report",
    specItem: "Store sales data ⑨",
    promise: "Updated once a day (time not fixed, but guaranteed daily); after authorization, the 18 months before it are retrieved.",
    scope: "store_marketplace",
    source: ["Reports: GET_FBA_REIMBURSEMENTS_DATA"],
    dataset: ["reimbursements"],
    backfill: { label: "18 months before authorization", months: 18 },
    windows: [{ label: "recent reimbursements", cadence: { kind: "daily", atLocalHour: 7 }, days: [{ fromDaysAgo: 30, toDaysAgo: 0 }] }],
    available: false,
  },
  {
    key: "claims",
    title: "Claims assistant",
    specItem: "Store sales data ⑩",
    promise:
      "Reimbursable inventory is updated once a day. After authorization, data from 18 months to 1 month before it is analyzed, then the previous month daily. A claim with no result after 30 days lapses and can be resubmitted. A completed shipment whose received quantity is below the declared quantity can be claimed.",
    scope: "store_marketplace",
    source: ["Reports: GET_LEDGER_DETAIL_VIEW_DATA", "Fulfillment Inbound v0 getShipments, getShipmentItems"],
    dataset: ["ledger_events", "inbound_shipments", "claim_cases"],
    backfill: { label: "18 months to 1 month before authorization", months: 18, skipRecentMonths: 1 },
    windows: [{ label: "previous month", cadence: { kind: "daily", atLocalHour: 8 }, days: [{ fromDaysAgo: 31, toDaysAgo: 0 }] }],
    available: false,
  },
  {
    key: "removals",
    title: "Removal report",
    specItem: "Store sales data ⑪",
    promise: "Updated once a day (time not fixed, but guaranteed daily); after authorization, the 12 months before it are retrieved.",
    scope: "store_marketplace",
    source: ["Reports: GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA"],
    dataset: ["removal_orders"],
    backfill: { label: "12 months before authorization", months: 12 },
    windows: [{ label: "recent removals", cadence: { kind: "daily", atLocalHour: 9 }, days: [{ fromDaysAgo: 30, toDaysAgo: 0 }] }],
    available: false,
  },
];

export function syncTask(key: SyncTaskKey): SyncTask {
  const task = SYNC_CATALOG.find((t) => t.key === key);
  if (!task) throw new Error(`No sync task ${key}`);
  return task;
}
