"use client";

import Link from "next/link";
import { useState } from "react";
import { EmptyState } from "~/app/_components/empty-state";
import { formatCount } from "~/app/_components/format";
import { Pager } from "~/app/_components/pager";
import { useUrlFilters } from "~/app/_components/use-url-filters";
import { api, type RouterInputs } from "~/app/_trpc/react";
import { searchTermExportUrl, type SearchTermSortKey } from "~/server/advertising/search-term-vocabulary";
import { labelOf, MATCH_TYPE_LABELS } from "~/server/advertising/vocabulary";
import { METRIC_COLUMNS } from "../metric-columns";
import { TermActionPanel, type TermAction } from "./term-actions";
import { TermFilters } from "./term-filters";
import { actionable, type TermRow } from "./to-entities";

type Input = RouterInputs["advertising"]["searchTerms"] & { page: number; pageSize: number };

const rowKey = (row: TermRow) => `${row.targetId}:${row.searchTerm}`;

/** What a term matched: the keyword with its match type, or the target (automatic or a product's). */
function matched(row: TermRow) {
  const type = labelOf(MATCH_TYPE_LABELS, row.matchType) ?? (row.expressionType === "AUTO" ? "Automatic" : row.expressionType ? "Product targeting" : null);
  return (
    <>
      <span className={row.targetKind ? undefined : "text-slate-500"} title={row.targetKind ? undefined : "Not synced yet"}>
        {row.targetLabel}
      </span>
      {type && <span className="ml-1 text-xs text-slate-500">{type}</span>}
    </>
  );
}

/**
 * The Search terms tab: every search term of the range with what it matched and its performance, filters
 * and sorting in the URL, the CSV of what they select, and — for operators — "Add as keyword" and "Add as
 * negative" per row or for the selected rows.
 */
export function SearchTermsView({ input, canEdit, query }: { input: Input; canEdit: boolean; query: string }) {
  const [data] = api.advertising.searchTerms.useSuspenseQuery(input);
  const filters = useUrlFilters();
  const [selected, setSelected] = useState<Map<string, TermRow>>(new Map());
  const [acting, setActing] = useState<{ action: TermAction; rows: TermRow[] } | null>(null);
  const currency = data.profile.currencyCode;
  const selectable = data.rows.filter(actionable);
  const allSelected = selectable.length > 0 && selectable.every((r) => selected.has(rowKey(r)));
  const filtered = Boolean(input.search || input.minClicks !== undefined || input.orders);

  const toggle = (rows: TermRow[], on: boolean) => {
    const next = new Map(selected);
    for (const row of rows) {
      if (on) next.set(rowKey(row), row);
      else next.delete(rowKey(row));
    }
    setSelected(next);
  };
  const sortBy = (key: SearchTermSortKey, numeric: boolean) => {
    const dir = input.sort === key ? (input.dir === "desc" ? "asc" : "desc") : numeric ? "desc" : "asc";
    filters.set({ sort: key, dir });
  };
  const header = (key: SearchTermSortKey, label: string, numeric: boolean) => (
    <th key={key} className={numeric ? "text-right" : undefined} aria-sort={input.sort === key ? (input.dir === "desc" ? "descending" : "ascending") : undefined}>
      <button type="button" className="hover:underline" onClick={() => sortBy(key, numeric)}>
        {label}
        {input.sort === key ? (input.dir === "desc" ? " ↓" : " ↑") : ""}
      </button>
    </th>
  );
  const act = (action: TermAction, rows: TermRow[]) => setActing({ action, rows });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {canEdit && (
          <>
            <button type="button" className="btn" disabled={selected.size === 0} onClick={() => act("keyword", [...selected.values()])}>
              Add as keyword…
            </button>
            <button type="button" className="btn" disabled={selected.size === 0} onClick={() => act("negative", [...selected.values()])}>
              Add as negative…
            </button>
          </>
        )}
        <TermFilters search={input.search} minClicks={input.minClicks} orders={input.orders} />
        <a className="btn" href={`/api/export/ad-search-terms?${searchTermExportUrl(input, data.range).toString()}`} download data-testid="export-csv">
          Export CSV
        </a>
        <span className="ml-auto text-slate-600" data-testid="search-term-count">
          {selected.size > 0 && `${formatCount(selected.size)} selected · `}
          {formatCount(data.count)} {data.count === 1 ? "search term" : "search terms"}
        </span>
      </div>
      {acting && (
        <TermActionPanel
          // A new panel for every new choice: its answer belongs to those rows.
          key={`${acting.action}:${acting.rows.map(rowKey).join("|")}`}
          action={acting.action}
          rows={acting.rows}
          adProfileId={input.adProfileId}
          currency={currency}
          onClose={() => {
            setActing(null);
            setSelected(new Map());
          }}
        />
      )}

      {data.count === 0 ? (
        <EmptyState title={filtered ? "No search terms match" : "No search terms in these days"}>
          <p>
            {filtered
              ? "Nothing matches these filters."
              : "Search terms arrive with the advertising data (the last 60 days after the Ads authorization, then every 30–60 minutes). Try a longer range."}
          </p>
        </EmptyState>
      ) : (
        <div className="card overflow-x-auto">
          <table className="table" data-testid="search-terms">
            <thead>
              <tr>
                <th className="w-8">
                  {canEdit && (
                    <input type="checkbox" aria-label="Select every row on this page" checked={allSelected} disabled={selectable.length === 0} onChange={(e) => toggle(selectable, e.target.checked)} />
                  )}
                </th>
                {header("searchTerm", "Search term", false)}
                {canEdit && <th>Actions</th>}
                <th>Matched keyword / target</th>
                <th>Campaign</th>
                <th>Ad group</th>
                {METRIC_COLUMNS.map((c) => header(c.sort, c.label, true))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={rowKey(row)} data-testid="search-term-row" data-term={row.searchTerm} data-target-id={row.targetId}>
                  <td>
                    {canEdit && (
                      <input
                        type="checkbox"
                        aria-label={`Select ${row.searchTerm}`}
                        title={actionable(row) ? undefined : "Its ad group is not synced yet."}
                        disabled={!actionable(row)}
                        checked={selected.has(rowKey(row))}
                        onChange={(e) => toggle([row], e.target.checked)}
                      />
                    )}
                  </td>
                  <td className="max-w-xs truncate" data-column="searchTerm">
                    <span className="font-medium">{row.searchTerm}</span>
                    {row.isKeyword && <span className="ml-1.5 rounded bg-emerald-50 px-1 text-xs text-emerald-800" data-testid="term-is-keyword">Keyword</span>}
                    {row.isNegative && <span className="ml-1.5 rounded bg-slate-100 px-1 text-xs text-slate-600" data-testid="term-is-negative">Negative</span>}
                  </td>
                  {canEdit && (
                    <td className="space-x-2 text-xs">
                      <button type="button" className="text-brand-600 hover:underline disabled:text-slate-400" disabled={!actionable(row)} onClick={() => act("keyword", [row])}>
                        Add as keyword
                      </button>
                      <button type="button" className="text-brand-600 hover:underline disabled:text-slate-400" disabled={!actionable(row)} onClick={() => act("negative", [row])}>
                        Add as negative
                      </button>
                    </td>
                  )}
                  <td className="max-w-xs truncate">{matched(row)}</td>
                  <td className="max-w-[12rem] truncate">
                    <Link className="hover:underline" href={`/advertising/campaigns/${row.campaignId}?${query}`}>
                      {row.campaignName ?? row.campaignId}
                    </Link>
                  </td>
                  <td className="max-w-[12rem] truncate">
                    <Link className="hover:underline" href={`/advertising/ad-groups/${row.adGroupId}?${query}`}>
                      {row.adGroupName ?? row.adGroupId}
                    </Link>
                  </td>
                  {METRIC_COLUMNS.map((c) => (
                    <td key={c.key} data-column={c.key} className="text-right tabular-nums">
                      {c.cell(row, { currency })}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="bg-slate-50 font-semibold" data-testid="performance-total">
                <td />
                <td className="px-3 py-1.5">Total ({formatCount(data.count)})</td>
                <td colSpan={canEdit ? 4 : 3} />
                {METRIC_COLUMNS.map((c) => (
                  <td key={c.key} className="px-3 py-1.5 text-right tabular-nums">
                    {c.total(data.totals, { currency })}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <Pager page={data.page} count={data.count} pageSize={data.pageSize} onPage={(page) => filters.set({ page: String(page) })} />
    </div>
  );
}
