import Link from "next/link";
import type { ReactNode } from "react";
import { formatCount, formatMoney } from "~/app/_components/format";
import type { RouterOutputs } from "~/app/_trpc/react";
import {
  BIDDING_STRATEGY_LABELS,
  labelOf,
  MATCH_TYPE_LABELS,
  TARGETING_TYPE_LABELS,
  type EntityListKey,
  type EntitySortKey,
} from "~/server/advertising/vocabulary";
import { placement, ratio } from "./format";
import { StateBadge } from "./state-badge";

type Page = RouterOutputs["advertising"]["campaigns"];
export type EntityRow = Page["rows"][number];
type Totals = Page["totals"];

/** What a cell needs besides its row: the profile's currency and the URL part links keep. */
export interface CellContext {
  currency: string;
  query: string;
}

export interface EntityColumn {
  key: string;
  label: string;
  sort?: EntitySortKey;
  numeric?: boolean;
  cell: (row: EntityRow, c: CellContext) => ReactNode;
  total?: (totals: Totals, c: CellContext) => ReactNode;
}

const money = (value: string | null, c: CellContext) => formatMoney(value, c.currency);

const campaignLink = (id: string | null, name: string | null, c: CellContext) =>
  id ? (
    <Link className="hover:underline" href={`/advertising/campaigns/${id}?${c.query}`}>
      {name ?? id}
    </Link>
  ) : (
    "—"
  );

const adGroupLink = (id: string | null, name: string | null, c: CellContext) =>
  id ? (
    <Link className="hover:underline" href={`/advertising/ad-groups/${id}?${c.query}`}>
      {name ?? id}
    </Link>
  ) : (
    "—"
  );

const name = (label: string, link: (row: EntityRow, c: CellContext) => string | null): EntityColumn => ({
  key: "name",
  label,
  sort: "name",
  cell: (row, c) => {
    const href = link(row, c);
    return href ? (
      <Link className="font-medium text-brand-600 hover:underline" href={href}>
        {row.label}
      </Link>
    ) : (
      <span className="font-medium">{row.label}</span>
    );
  },
});

const state: EntityColumn = { key: "state", label: "State", sort: "state", cell: (row) => <StateBadge state={row.state} synced={row.synced} /> };
const campaign: EntityColumn = { key: "campaign", label: "Campaign", cell: (row, c) => campaignLink(row.campaignId, row.campaignName, c) };
const adGroup: EntityColumn = { key: "adGroup", label: "Ad group", cell: (row, c) => adGroupLink(row.adGroupId, row.adGroupName, c) };
const matchType: EntityColumn = {
  key: "matchType",
  label: "Match type",
  sort: "matchType",
  // A product target has no match type: Amazon says whether it is automatic or chosen.
  cell: (row) => labelOf(MATCH_TYPE_LABELS, row.matchType) ?? (row.expressionType === "AUTO" ? "Automatic" : row.expressionType ? "Product targeting" : "—"),
};

/** Seller Central's performance columns, each with its total over every row the filters show. */
const METRICS: EntityColumn[] = [
  { key: "impressions", label: "Impressions", sort: "impressions", numeric: true, cell: (r) => formatCount(r.impressions), total: (t) => formatCount(t.impressions) },
  { key: "clicks", label: "Clicks", sort: "clicks", numeric: true, cell: (r) => formatCount(r.clicks), total: (t) => formatCount(t.clicks) },
  { key: "ctr", label: "CTR", sort: "ctr", numeric: true, cell: (r) => ratio(r.ctr, "%"), total: (t) => ratio(t.ctr, "%") },
  { key: "spend", label: "Spend", sort: "spend", numeric: true, cell: (r, c) => money(r.spend, c), total: (t, c) => money(t.spend, c) },
  { key: "cpc", label: "CPC", sort: "cpc", numeric: true, cell: (r, c) => (r.cpc === null ? "—" : money(r.cpc, c)), total: (t, c) => (t.cpc === null ? "—" : money(t.cpc, c)) },
  { key: "orders", label: "Orders", sort: "orders", numeric: true, cell: (r) => formatCount(r.orders), total: (t) => formatCount(t.orders) },
  { key: "sales", label: "Sales (7d)", sort: "sales", numeric: true, cell: (r, c) => money(r.sales, c), total: (t, c) => money(t.sales, c) },
  { key: "acos", label: "ACOS", sort: "acos", numeric: true, cell: (r) => ratio(r.acos, "%"), total: (t) => ratio(t.acos, "%") },
  { key: "roas", label: "ROAS", sort: "roas", numeric: true, cell: (r) => ratio(r.roas), total: (t) => ratio(t.roas) },
  { key: "cvr", label: "CVR", sort: "cvr", numeric: true, cell: (r) => ratio(r.cvr, "%"), total: (t) => ratio(t.cvr, "%") },
];

/** Each table's columns: the entity, its settings, then (but for negatives) the range's performance. */
export const ENTITY_COLUMNS: Record<EntityListKey, EntityColumn[]> = {
  campaigns: [
    name("Campaign", (row, c) => `/advertising/campaigns/${row.id}?${c.query}`),
    state,
    { key: "targetingType", label: "Type", cell: (row) => labelOf(TARGETING_TYPE_LABELS, row.targetingType) ?? "—" },
    { key: "budget", label: "Daily budget", sort: "budget", numeric: true, cell: (row, c) => money(row.budget, c) },
    { key: "biddingStrategy", label: "Bidding strategy", cell: (row) => labelOf(BIDDING_STRATEGY_LABELS, row.biddingStrategy) ?? "—" },
    { key: "placementTop", label: "Top of search", numeric: true, cell: (row) => placement(row.placementTop, row.synced) },
    { key: "placementProductPage", label: "Product pages", numeric: true, cell: (row) => placement(row.placementProductPage, row.synced) },
    { key: "placementRestOfSearch", label: "Rest of search", numeric: true, cell: (row) => placement(row.placementRestOfSearch, row.synced) },
    ...METRICS,
  ],
  adGroups: [
    name("Ad group", (row, c) => `/advertising/ad-groups/${row.id}?${c.query}`),
    state,
    campaign,
    { key: "defaultBid", label: "Default bid", sort: "defaultBid", numeric: true, cell: (row, c) => money(row.defaultBid, c) },
    ...METRICS,
  ],
  targets: [
    name("Keyword / target", () => null),
    state,
    matchType,
    {
      key: "bid",
      label: "Bid",
      sort: "bid",
      numeric: true,
      // Without a bid of its own, a keyword or target bids its ad group's default (an unsynced one's bid is unknown).
      cell: (row, c) => (row.bid !== null ? money(row.bid, c) : row.synced && row.groupDefaultBid !== null ? `default (${money(row.groupDefaultBid, c)})` : "—"),
    },
    adGroup,
    campaign,
    ...METRICS,
  ],
  products: [
    name("SKU", () => null),
    { key: "asin", label: "ASIN", cell: (row) => <span className="font-mono text-xs">{row.asin ?? "—"}</span> },
    state,
    adGroup,
    campaign,
    ...METRICS,
  ],
  negatives: [
    name("Negative keyword / target", () => null),
    state,
    matchType,
    { key: "level", label: "Level", cell: (row) => (row.kind?.startsWith("campaign") ? "Campaign" : "Ad group") },
    adGroup,
    campaign,
  ],
};
