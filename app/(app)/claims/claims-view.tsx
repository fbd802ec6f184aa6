"use client";

import { useState } from "react";
import { formatCount } from "~/app/_components/format";
import { Pager } from "~/app/_components/pager";
import { useUrlFilters } from "~/app/_components/use-url-filters";
import { api, type RouterInputs } from "~/app/_trpc/react";
import { CLAIM_TAB_KEYS, CLAIM_TABS, claimFiltersToUrl, DEFAULT_CLAIM_TAB } from "~/server/claims/tabs";
import { CLAIM_KIND_KEYS, CLAIM_KIND_LABELS, CLAIM_STATUS_LABELS } from "~/server/claims/labels";
import { ClaimsEmpty } from "./claims-empty";
import { ClaimsTable } from "./claims-table";
import { ClaimsTotals } from "./claims-totals";
import { ExpiringCalendar } from "./expiring-calendar";

type Scope = RouterInputs["claims"]["overview"];
type Input = RouterInputs["claims"]["list"] & { page: number; pageSize: number };

/** The Claims page under its header: totals, what expires soon, the tabs, filters, the cases and their export. */
export function ClaimsView({ scope, input }: { scope: Scope; input: Input }) {
  const [overview] = api.claims.overview.useSuspenseQuery(scope);
  const [list] = api.claims.list.useSuspenseQuery(input);
  const filters = useUrlFilters();
  const [q, setQ] = useState(input.search ?? "");
  const tab = input.tab ?? DEFAULT_CLAIM_TAB;
  const tabStatuses = CLAIM_TABS[tab].statuses;

  if (overview.marketplaces.length === 0 || overview.casesFound === 0) return <ClaimsEmpty overview={overview} />;

  const exportQuery = claimFiltersToUrl(input);
  const tabCount = (key: keyof typeof CLAIM_TABS) => overview.totals.tabs[key].cases;

  return (
    <div className="space-y-3">
      <ClaimsTotals totals={overview.totals} />
      <ExpiringCalendar days={overview.calendar} />

      <nav className="flex gap-1 border-b border-slate-200" aria-label="Claim statuses">
        {CLAIM_TAB_KEYS.map((key) => (
          <button
            key={key}
            type="button"
            data-testid={`claims-tab-${key}`}
            aria-current={key === tab ? "page" : undefined}
            onClick={() => filters.set({ tab: key === DEFAULT_CLAIM_TAB ? undefined : key, status: undefined })}
            className={`-mb-px border-b-2 px-3 py-1.5 ${key === tab ? "border-brand-600 font-medium text-slate-900" : "border-transparent text-slate-500 hover:text-slate-800"}`}
          >
            {CLAIM_TABS[key].label} <span className="text-slate-400 tabular-nums">{formatCount(tabCount(key))}</span>
          </button>
        ))}
      </nav>

      <div className="flex flex-wrap items-center gap-2">
        <select aria-label="Marketplace" className="input w-auto py-1" value={input.scopeId ?? ""} onChange={(e) => filters.set({ scope: e.target.value })}>
          <option value="">All marketplaces</option>
          {overview.marketplaces.map((m) => (
            <option key={m.id} value={m.id}>
              {m.countryCode} · {m.store}
            </option>
          ))}
        </select>
        <select aria-label="Kind" className="input w-auto py-1" value={input.kind ?? ""} onChange={(e) => filters.set({ kind: e.target.value })}>
          <option value="">Any kind</option>
          {CLAIM_KIND_KEYS.map((k) => (
            <option key={k} value={k}>
              {CLAIM_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        {tabStatuses.length > 1 && (
          <select aria-label="Status" className="input w-auto py-1" value={input.status ?? ""} onChange={(e) => filters.set({ status: e.target.value })}>
            <option value="">Any status</option>
            {tabStatuses.map((s) => (
              <option key={s} value={s}>
                {CLAIM_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        )}
        <form
          className="flex gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            filters.set({ q: q.trim() || undefined });
          }}
        >
          <input aria-label="Search" className="input w-72 py-1" placeholder="SKU, FNSKU, ASIN, order, shipment or case id" value={q} onChange={(e) => setQ(e.target.value)} />
          <button className="btn" type="submit">
            Search
          </button>
        </form>
        <a className="btn" href={`/api/export/claims?${exportQuery.toString()}`} download data-testid="export-csv">
          Export CSV
        </a>
        <span className="ml-auto text-slate-600" data-testid="claims-count">
          {formatCount(list.count)} cases
        </span>
      </div>

      {list.rows.length === 0 ? (
        <p className="card px-3 py-6 text-center text-slate-600" data-testid="claims-none">
          {tab === "open" ? "Nothing to file now" : `No ${CLAIM_TABS[tab].label.toLowerCase()} cases`}
          {input.scopeId || input.kind || input.search || input.status ? " match these filters." : "."}
        </p>
      ) : (
        <ClaimsTable rows={list.rows} sort={input.sort} dir={input.dir} onSort={(changes) => filters.set(changes)} />
      )}
      <Pager page={list.page} count={list.count} pageSize={list.pageSize} onPage={(page) => filters.set({ page: String(page) })} />
    </div>
  );
}
