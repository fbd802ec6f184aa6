import Link from "next/link";
import type { ReactNode } from "react";
import type { RouterOutputs } from "~/app/_trpc/react";
import {
  labelOf,
  MATCH_TYPE_LABELS,
  TARGETING_TYPE_LABELS,
  type EntityListKey,
  type EntitySortKey,
} from "~/server/advertising/vocabulary";
import { MoneyCell, NameEditor, PlacementCell, StateCell, StrategyCell } from "./edits/editable-cells";
import { METRIC_COLUMNS } from "./metric-columns";

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

/** The entity's name (a link to its drill-down where it has one); campaigns and ad groups can be renamed. */
const name = (label: string, link: (row: EntityRow, c: CellContext) => string | null, renamable = false): EntityColumn => ({
  key: "name",
  label,
  sort: "name",
  cell: (row, c) => {
    const href = link(row, c);
    const shown = href ? (
      <Link className="font-medium text-brand-600 hover:underline" href={href}>
        {row.label}
      </Link>
    ) : (
      <span className="font-medium">{row.label}</span>
    );
    return renamable ? <NameEditor row={row}>{shown}</NameEditor> : shown;
  },
});

const state: EntityColumn = { key: "state", label: "State", sort: "state", cell: (row) => <StateCell row={row} canPause /> };
const campaign: EntityColumn = { key: "campaign", label: "Campaign", cell: (row, c) => campaignLink(row.campaignId, row.campaignName, c) };
const adGroup: EntityColumn = { key: "adGroup", label: "Ad group", cell: (row, c) => adGroupLink(row.adGroupId, row.adGroupName, c) };
const matchType: EntityColumn = {
  key: "matchType",
  label: "Match type",
  sort: "matchType",
  // A product target has no match type: Amazon says whether it is automatic or chosen.
  cell: (row) => labelOf(MATCH_TYPE_LABELS, row.matchType) ?? (row.expressionType === "AUTO" ? "Automatic" : row.expressionType ? "Product targeting" : "—"),
};

const METRICS: EntityColumn[] = METRIC_COLUMNS;

/** Each table's columns: the entity, its settings, then (but for negatives) the range's performance. */
export const ENTITY_COLUMNS: Record<EntityListKey, EntityColumn[]> = {
  campaigns: [
    name("Campaign", (row, c) => `/advertising/campaigns/${row.id}?${c.query}`, true),
    state,
    { key: "targetingType", label: "Type", cell: (row) => labelOf(TARGETING_TYPE_LABELS, row.targetingType) ?? "—" },
    { key: "budget", label: "Daily budget", sort: "budget", numeric: true, cell: (row) => <MoneyCell row={row} field="budget" /> },
    { key: "biddingStrategy", label: "Bidding strategy", cell: (row) => <StrategyCell row={row} /> },
    { key: "placementTop", label: "Top of search", numeric: true, cell: (row) => <PlacementCell row={row} field="placementTop" /> },
    { key: "placementProductPage", label: "Product pages", numeric: true, cell: (row) => <PlacementCell row={row} field="placementProductPage" /> },
    { key: "placementRestOfSearch", label: "Rest of search", numeric: true, cell: (row) => <PlacementCell row={row} field="placementRestOfSearch" /> },
    ...METRICS,
  ],
  adGroups: [
    name("Ad group", (row, c) => `/advertising/ad-groups/${row.id}?${c.query}`, true),
    state,
    campaign,
    { key: "defaultBid", label: "Default bid", sort: "defaultBid", numeric: true, cell: (row) => <MoneyCell row={row} field="defaultBid" /> },
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
      cell: (row) => <MoneyCell row={row} field="bid" />,
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
    // Seller Central pauses no negative: it is there, or archived.
    { ...state, cell: (row) => <StateCell row={row} canPause={false} /> },
    matchType,
    { key: "level", label: "Level", cell: (row) => (row.kind?.startsWith("campaign") ? "Campaign" : "Ad group") },
    adGroup,
    campaign,
  ],
};
