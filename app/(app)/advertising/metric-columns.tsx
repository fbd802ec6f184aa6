import type { ReactNode } from "react";
import { formatCount, formatMoney } from "~/app/_components/format";
import type { Metrics } from "~/server/advertising/metrics-sql";
import { ratio } from "./format";

/** The metrics every table sorts by, under the same names in the entity lists and the search terms. */
export type MetricKey = "impressions" | "clicks" | "ctr" | "spend" | "cpc" | "orders" | "sales" | "acos" | "roas" | "cvr";

export interface MetricColumn {
  key: MetricKey;
  label: string;
  sort: MetricKey;
  numeric: true;
  cell: (row: Metrics, c: { currency: string }) => ReactNode;
  total: (totals: Metrics, c: { currency: string }) => ReactNode;
}

const money = (value: string | null, c: { currency: string }) => (value === null ? "—" : formatMoney(value, c.currency));

/** Seller Central's performance columns, each with its total over every row the filters show. */
export const METRIC_COLUMNS: MetricColumn[] = [
  { key: "impressions", label: "Impressions", sort: "impressions", numeric: true, cell: (r) => formatCount(r.impressions), total: (t) => formatCount(t.impressions) },
  { key: "clicks", label: "Clicks", sort: "clicks", numeric: true, cell: (r) => formatCount(r.clicks), total: (t) => formatCount(t.clicks) },
  { key: "ctr", label: "CTR", sort: "ctr", numeric: true, cell: (r) => ratio(r.ctr, "%"), total: (t) => ratio(t.ctr, "%") },
  { key: "spend", label: "Spend", sort: "spend", numeric: true, cell: (r, c) => money(r.spend, c), total: (t, c) => money(t.spend, c) },
  { key: "cpc", label: "CPC", sort: "cpc", numeric: true, cell: (r, c) => money(r.cpc, c), total: (t, c) => money(t.cpc, c) },
  { key: "orders", label: "Orders", sort: "orders", numeric: true, cell: (r) => formatCount(r.orders), total: (t) => formatCount(t.orders) },
  { key: "sales", label: "Sales (7d)", sort: "sales", numeric: true, cell: (r, c) => money(r.sales, c), total: (t, c) => money(t.sales, c) },
  { key: "acos", label: "ACOS", sort: "acos", numeric: true, cell: (r) => ratio(r.acos, "%"), total: (t) => ratio(t.acos, "%") },
  { key: "roas", label: "ROAS", sort: "roas", numeric: true, cell: (r) => ratio(r.roas), total: (t) => ratio(t.roas) },
  { key: "cvr", label: "CVR", sort: "cvr", numeric: true, cell: (r) => ratio(r.cvr, "%"), total: (t) => ratio(t.cvr, "%") },
];
