/** Every module of the product, in navigation order; the shell and the empty states read this list. */
export interface ModuleInfo {
  href: string;
  label: string;
  group: "Business" | "Operations" | "System";
  /** What the module will show once its data is synchronized. */
  description: string;
  /** The authorization its data comes from. */
  needs: "store" | "ads" | "store-or-ads" | null;
}

export const MODULES: ModuleInfo[] = [
  {
    href: "/sales-summary",
    label: "All Sites Sales Summary",
    group: "Business",
    description:
      "Sales amount, order count and units for every marketplace as Amazon reports them (Sales API), for the last 30 days, next to our own order totals.",
    needs: "store",
  },
  {
    href: "/profit",
    label: "Profit",
    group: "Business",
    description:
      "Revenue minus Amazon fees, refunds, advertising spend, storage fees and product cost, per day, marketplace and product.",
    needs: "store",
  },
  {
    href: "/orders",
    label: "Orders",
    group: "Business",
    description: "Every order with its items, status (pending orders marked as such), amounts and refunds, in marketplace time.",
    needs: "store",
  },
  {
    href: "/refunds",
    label: "Refunds",
    group: "Business",
    description:
      "Every refund of your orders with its fee details per item — principal, tax, shipping, promotion, commission returned, refund commission — the refund amount, fees and what you pay, with the return's reason and status.",
    needs: "store",
  },
  {
    href: "/products",
    label: "Products",
    group: "Business",
    description: "Every product of your store in each marketplace — from the All Listings report, your orders and your ads — with its picture, brand, dimensions, price, status and who fulfills it.",
    needs: "store",
  },
  {
    href: "/advertising",
    label: "Advertising",
    group: "Business",
    description:
      "Sponsored Products campaigns, ad groups, keywords and targets with impressions, clicks, spend, sales, orders and ACOS, and how settled each day's figures are.",
    needs: "ads",
  },
  {
    href: "/inventory",
    label: "Inventory",
    group: "Operations",
    description:
      "FBA inventory per SKU and marketplace by state (fulfillable, inbound, reserved, researching, unfulfillable), refreshed every 1–2 hours, with units sold in the last 7, 14 and 30 days, days of supply, a restock suggestion and each SKU's changes over time.",
    needs: "store",
  },
  {
    href: "/fees",
    label: "Storage fees",
    group: "Operations",
    description: "Monthly storage fees and long-term storage fees per ASIN and fulfillment center, with 6 months of history.",
    needs: "store",
  },
  {
    href: "/reimbursements",
    label: "Reimbursements",
    group: "Operations",
    description: "Amazon's reimbursements (cash and inventory) with 18 months of history, updated daily.",
    needs: "store",
  },
  {
    href: "/claims",
    label: "Claims",
    group: "Operations",
    description:
      "What Amazon owes you — units lost or damaged in its warehouses, refunded but not returned, missing from closed inbound shipments — each with its evidence to paste into Seller Central, its deadline and amount at stake; a calendar of what expires soon, submitted claims that lapse after 30 days unanswered, and what was recovered.",
    needs: "store",
  },
  {
    href: "/removals",
    label: "Removals",
    group: "Operations",
    description: "Removal and disposal orders with requested, shipped and disposed quantities and fees, 12 months of history.",
    needs: "store",
  },
  {
    href: "/sync",
    label: "Sync center",
    group: "System",
    description:
      "Every synchronization task of every store and ad profile: status, last success, next run, backfill progress, errors, and Sync now.",
    needs: "store-or-ads",
  },
];

export const SETTINGS_LINKS = [
  { href: "/settings/amazon", label: "Amazon authorizations" },
  { href: "/settings/organization", label: "Organization" },
  { href: "/settings/team", label: "Team" },
  { href: "/settings/account", label: "Account" },
] as const;
