"use client";

import Link from "next/link";
import { useState } from "react";
import { EmptyState } from "~/app/_components/empty-state";
import { formatCount, formatMoney } from "~/app/_components/format";
import { fromNow } from "~/app/_components/time";
import { useUrlFilters } from "~/app/_components/use-url-filters";
import { api, type RouterInputs, type RouterOutputs } from "~/app/_trpc/react";
import { hasRole } from "~/server/organizations/roles";
import { DEFAULT_SUMMARY_RANGE, SUMMARY_RANGES } from "~/server/sales/ranges";
import { SalesChart } from "./sales-chart";
import { Pager } from "~/app/_components/pager";

type Input = RouterInputs["salesSummary"]["overview"];
type Overview = RouterOutputs["salesSummary"]["overview"];
type Row = Overview["rows"][number];
type Marketplace = Overview["marketplaces"][number];

const localTime = (iso: string | Date | null, timeZone: string) =>
  iso ? new Intl.DateTimeFormat("en", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)) : "—";

const signed = (n: number) => (n > 0 ? `+${formatCount(n)}` : formatCount(n));
const signedMoney = (v: string, currency: string) => (/^-/.test(v) ? formatMoney(v, currency) : /[1-9]/.test(v) ? `+${formatMoney(v, currency)}` : formatMoney(v, currency));

/** A refresh has ended for a marketplace once its last-3-days window succeeded (or failed) after it was asked. */
function refreshed(m: Marketplace, since: number) {
  const s = m.amazonRecent;
  if (!m.connected || !s) return true;
  if (s.status === "failed") return true;
  return s.status !== "running" && s.lastSucceededAt !== null && new Date(s.lastSucceededAt).getTime() >= since;
}

export function SummaryView({ input }: { input: Input }) {
  const [current] = api.organization.current.useSuspenseQuery();
  const [refreshingSince, setRefreshingSince] = useState<number | null>(null);
  // Ticked at once on click; the URL (and the data) follow.
  const [differencesOnly, setDifferencesOnly] = useState(input.differencesOnly ?? false);
  const [data] = api.salesSummary.overview.useSuspenseQuery(input, {
    // While a refresh runs, the page follows it.
    refetchInterval: refreshingSince ? 2_000 : false,
  });
  const filters = useUrlFilters();
  const utils = api.useUtils();
  const [refreshError, setRefreshError] = useState<string>();
  const refresh = api.salesSummary.refresh.useMutation({
    onMutate: () => setRefreshError(undefined),
    onError: (e) => {
      setRefreshError(e.message);
      setRefreshingSince(null);
    },
    onSuccess: () => void utils.salesSummary.overview.invalidate(),
  });
  const refreshing = refreshingSince !== null && !data.marketplaces.every((m) => refreshed(m, refreshingSince));
  if (refreshingSince !== null && !refreshing && !refresh.isPending) {
    // Done: stop following (render-time state update, React's documented pattern for derived resets).
    setRefreshingSince(null);
  }
  const canRefresh = hasRole(current.role, "operator");
  const connected = data.marketplaces.filter((m) => m.connected);

  if (data.marketplaces.length === 0)
    return (
      <EmptyState title="No store authorized" action={<Link href="/settings/amazon" className="btn-primary">Go to Amazon authorizations</Link>}>
        <p>Authorize your Amazon store: every marketplace it sells in appears here with Amazon&apos;s daily figures beside your orders.</p>
      </EmptyState>
    );

  const exportQuery = new URLSearchParams(filters.params);
  exportQuery.delete("page");
  if (!exportQuery.get("range") && !exportQuery.get("from")) exportQuery.set("range", input.range ?? DEFAULT_SUMMARY_RANGE);
  const base = data.totals.base;
  const sortBy = (key: NonNullable<Input["sort"]>) => filters.set({ sort: key, dir: input.sort === key && input.dir !== "desc" ? "desc" : "asc" });
  const sortable = (key: NonNullable<Input["sort"]>, label: string, right = true) => (
    <th className={right ? "text-right" : undefined} aria-sort={input.sort === key ? (input.dir === "desc" ? "descending" : "ascending") : undefined}>
      <button className="hover:underline" onClick={() => sortBy(key)}>
        {label}
        {input.sort === key ? (input.dir === "desc" ? " ↓" : " ↑") : ""}
      </button>
    </th>
  );

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <select aria-label="Marketplace" className="input w-auto py-1" value={input.scopeId ?? ""} onChange={(e) => filters.set({ scope: e.target.value })}>
          <option value="">All marketplaces</option>
          {data.marketplaces.map((m) => (
            <option key={m.id} value={m.id}>
              {m.countryCode} · {m.store}
            </option>
          ))}
        </select>
        <select aria-label="Date range" className="input w-auto py-1" value={input.range ?? DEFAULT_SUMMARY_RANGE} onChange={(e) => filters.set({ range: e.target.value, from: undefined, to: undefined })}>
          {SUMMARY_RANGES.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1.5 text-slate-700">
          <input
            type="checkbox"
            checked={differencesOnly}
            onChange={(e) => {
              setDifferencesOnly(e.target.checked);
              filters.set({ diff: e.target.checked ? "1" : undefined });
            }}
          />
          Differences only
        </label>
        <button
          type="button"
          className="btn"
          data-testid="refresh-recent"
          aria-label="Refresh the last 3 days from Amazon"
          title={canRefresh ? "Fetch Amazon's figures of the last 3 days now" : "Viewers can see the figures but not refresh them"}
          disabled={!canRefresh || refreshing || refresh.isPending || connected.length === 0}
          onClick={() => {
            setRefreshingSince(Date.now());
            refresh.mutate();
          }}
        >
          <svg aria-hidden viewBox="0 0 20 20" className={`h-4 w-4 ${refreshing ? "animate-spin" : ""}`} fill="none" stroke="currentColor" strokeWidth="1.8">
            <path d="M16.5 10a6.5 6.5 0 1 1-1.9-4.6M16.5 3.5v3.9h-3.9" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Last 3 days
        </button>
        <a className="btn" href={`/api/export/sales-summary?${exportQuery.toString()}`} download data-testid="export-csv">
          Export CSV
        </a>
        <span className="ml-auto text-slate-600" data-testid="summary-count">
          {formatCount(data.count)} marketplace days
        </span>
      </div>
      <p role="status" className="text-slate-600" data-testid="refresh-status">
        {refreshError
          ? `The refresh was not started: ${refreshError}`
          : refreshing
            ? "Refreshing the last 3 days from Amazon…"
            : !canRefresh
              ? "Viewers see the figures; an operator, admin or owner can refresh them."
              : ""}
      </p>

      <Freshness marketplaces={data.marketplaces} ratesAsOf={data.ratesAsOf} />

      {data.rows.length === 0 ? (
        <EmptyState title={input.differencesOnly ? "No differences" : "No figures yet"}>
          <p>
            {input.differencesOnly
              ? "Amazon's figures and your orders agree on every day these filters select."
              : "Amazon's daily figures arrive minutes after the store is authorized (the last 30 days of each marketplace); the Sync center shows where they stand."}
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="grid gap-3 sm:grid-cols-3" data-testid="summary-base-totals">
            <Kpi label={`Amazon's sales (${base.currency})`} testId="summary-total-base">
              {base.amazonSales === null ? `No ECB rate for ${base.unconverted.join(", ")}` : formatMoney(base.amazonSales, base.currency)}
            </Kpi>
            <Kpi label={`Your orders' sales (${base.currency})`} testId="summary-total-base-ours">
              {base.oursSales === null ? `No ECB rate for ${base.unconverted.join(", ")}` : formatMoney(base.oursSales, base.currency)}
            </Kpi>
            <Kpi label="Orders · units (Amazon / yours)" testId="summary-total-counts">
              {formatCount(base.orders.amazon)} / {formatCount(base.orders.ours)} · {formatCount(base.units.amazon)} / {formatCount(base.units.ours)}
            </Kpi>
          </div>
          <p className="text-xs text-slate-500">
            In {base.currency}: each marketplace&apos;s sales converted at the European Central Bank&apos;s rate of its own day
            {data.ratesAsOf ? ` (rates up to ${data.ratesAsOf})` : " — no rates fetched yet"}. Change the base currency in{" "}
            <Link className="underline" href="/settings/organization">
              Organization settings
            </Link>
            .
          </p>
          <SalesChart days={data.totals.byDay} currency={base.currency} />
          <div className="card overflow-x-auto">
            <table className="table" data-testid="summary">
              <thead>
                <tr>
                  {sortable("marketplace", "Marketplace", false)}
                  {sortable("day", "Day", false)}
                  {sortable("amazonOrders", "Amazon orders")}
                  {sortable("oursOrders", "Your orders")}
                  {sortable("amazonUnits", "Amazon units")}
                  {sortable("oursUnits", "Your units")}
                  {sortable("amazonSales", "Amazon sales")}
                  {sortable("oursSales", "Your sales")}
                  {sortable("salesGap", "Sales gap")}
                  {sortable("amazonSalesBase", `Amazon (${base.currency})`)}
                  <th>Tie-out</th>
                  <th>Amazon fetched</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <SummaryRow key={`${row.storeMarketplaceId}|${row.day}`} row={row} baseCurrency={base.currency} />
                ))}
              </tbody>
              <tfoot>
                {data.totals.byCurrency.map((t) => (
                  <tr key={t.currency} className="font-medium" data-testid="summary-currency-total">
                    <td colSpan={2}>Total ({t.currency})</td>
                    <td className="text-right tabular-nums">{formatCount(t.amazon.orders)}</td>
                    <td className="text-right tabular-nums">{formatCount(t.ours.orders)}</td>
                    <td className="text-right tabular-nums">{formatCount(t.amazon.units)}</td>
                    <td className="text-right tabular-nums">{formatCount(t.ours.units)}</td>
                    <td className="text-right tabular-nums">{formatMoney(t.amazon.sales, t.currency)}</td>
                    <td className="text-right tabular-nums">{formatMoney(t.ours.sales, t.currency)}</td>
                    <td colSpan={4} />
                  </tr>
                ))}
              </tfoot>
            </table>
          </div>
          <Pager page={data.page} count={data.count} pageSize={data.pageSize} onPage={(page) => filters.set({ page: String(page) })} />
        </>
      )}
    </div>
  );
}

function Kpi({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  return (
    <div className="card px-3 py-2">
      <div className="text-xs text-slate-500">{label}</div>
      <div className="text-lg font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {children}
      </div>
    </div>
  );
}

const ROW_TONE = { matches: "", explained: "bg-amber-50", unexplained: "bg-red-50" } as const;

function SummaryRow({ row, baseCurrency }: { row: Row; baseCurrency: string }) {
  const { tieOut } = row;
  return (
    <tr className={ROW_TONE[tieOut.status]} data-testid="summary-row" data-tie-out={tieOut.status}>
      <td title={row.marketplaceName}>{row.marketplace}</td>
      <td>{row.day}</td>
      <td className="text-right tabular-nums">{formatCount(row.amazon.orders)}</td>
      <td className={`text-right tabular-nums ${row.gap.orders ? "font-semibold text-amber-800" : ""}`}>{formatCount(row.ours.orders)}</td>
      <td className="text-right tabular-nums">{formatCount(row.amazon.units)}</td>
      <td className={`text-right tabular-nums ${row.gap.units ? "font-semibold text-amber-800" : ""}`}>{formatCount(row.ours.units)}</td>
      <td className="text-right tabular-nums">{formatMoney(row.amazon.sales, row.currency)}</td>
      <td className="text-right tabular-nums">{formatMoney(row.ours.sales, row.currency)}</td>
      <td className="text-right tabular-nums">{signedMoney(row.gap.sales, row.currency)}</td>
      <td className="text-right tabular-nums">{formatMoney(row.amazonSalesBase, baseCurrency)}</td>
      <td className="max-w-md whitespace-normal" data-testid="tie-out">
        {tieOut.status === "matches" ? (
          <span className="text-emerald-700">Matches</span>
        ) : (
          <>
            <span className={tieOut.status === "unexplained" ? "font-medium text-red-700" : "font-medium text-amber-800"}>
              {signed(row.gap.orders)} orders, {signed(row.gap.units)} units
            </span>
            <ul className="text-xs text-slate-600">
              {tieOut.reasons.length ? (
                tieOut.reasons.map((r) => <li key={r.kind}>{r.text}</li>)
              ) : (
                <li>
                  Not explained by pending, cancelled or late orders:{" "}
                  <Link className="underline" href={`/orders?marketplace=${row.storeMarketplaceId}&range=365d`}>
                    check the marketplace&apos;s orders
                  </Link>{" "}
                  of {row.day}.
                </li>
              )}
            </ul>
          </>
        )}
      </td>
      <td className="text-slate-600" title={row.oursSyncedAt ? `Your orders of this day last synchronized ${localTime(row.oursSyncedAt, row.timeZone)}` : "Your orders of this day are not synchronized yet"}>
        {localTime(row.amazonFetchedAt, row.timeZone)}
      </td>
    </tr>
  );
}

/** When each marketplace's figures were last fetched, and when its orders were last synchronized. */
function Freshness({ marketplaces, ratesAsOf }: { marketplaces: Marketplace[]; ratesAsOf: string | null }) {
  return (
    <details className="card" open data-testid="summary-freshness">
      <summary className="cursor-pointer px-3 py-2 font-medium text-slate-800">How fresh these figures are</summary>
      <table className="table">
        <thead>
          <tr>
            <th>Marketplace</th>
            <th>Store</th>
            <th>Amazon: last 3 days fetched</th>
            <th>Amazon: days 3–30 fetched</th>
            <th>Your orders synchronized</th>
          </tr>
        </thead>
        <tbody>
          {marketplaces.map((m) => (
            <tr key={m.id} data-testid="freshness-row">
              <td>
                {m.countryCode} · {m.name} ({m.currency})
              </td>
              <td>
                {m.store}
                {!m.connected && <span className="ml-1 text-amber-700">(not connected)</span>}
              </td>
              <WindowCell state={m.amazonRecent} timeZone={m.timeZone} />
              <WindowCell state={m.amazonOlder} timeZone={m.timeZone} />
              <WindowCell state={m.orders} timeZone={m.timeZone} />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="px-3 py-2 text-xs text-slate-500">
        Exchange rates: {ratesAsOf ? `the European Central Bank's reference rates up to ${ratesAsOf}, fetched daily after 16:00 CET.` : "not fetched yet (the first fetch follows the store authorization)."}
      </p>
    </details>
  );
}

function WindowCell({ state, timeZone }: { state: Marketplace["amazonRecent"]; timeZone: string }) {
  if (!state) return <td className="text-slate-500">Waiting for first run</td>;
  if (state.status === "running") return <td className="text-brand-700">Fetching now…</td>;
  if (state.status === "failed") return <td className="whitespace-normal text-red-700">Failed: {state.lastError}</td>;
  return (
    <td title={localTime(state.lastSucceededAt, timeZone)}>
      {state.lastSucceededAt ? `${fromNow(new Date(state.lastSucceededAt))} (${localTime(state.lastSucceededAt, timeZone)})` : "Waiting for first run"}
    </td>
  );
}
