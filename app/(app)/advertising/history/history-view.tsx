"use client";

import { EmptyState } from "~/app/_components/empty-state";
import { formatCount } from "~/app/_components/format";
import { Pager } from "~/app/_components/pager";
import { useUrlFilters } from "~/app/_components/use-url-filters";
import { api, type RouterInputs } from "~/app/_trpc/react";
import {
  FIELD_KEYS,
  FIELD_LABELS,
  historyFiltersToUrl,
  KIND_KEYS,
  KIND_LABELS,
  labelOf,
  RESULT_LABELS,
  SOURCE_KEYS,
  SOURCE_LABELS,
} from "~/server/advertising/vocabulary";
import { changeValue } from "../format";

type Input = RouterInputs["advertising"]["history"] & { page: number; pageSize: number };

/** The history's filters, its changes newest first, pages, and the CSV of what the filters select. */
export function HistoryView({ input }: { input: Input }) {
  const [data] = api.advertising.history.useSuspenseQuery(input);
  const filters = useUrlFilters();
  const { currencyCode: currency, timeZone } = data.profile;
  const when = new Intl.DateTimeFormat("en", { timeZone, dateStyle: "medium", timeStyle: "short" });
  const filtered = Boolean(input.kind || input.source || input.field);
  const select = (key: "kind" | "source" | "field", label: string, options: { value: string; label: string }[]) => (
    <select aria-label={label} className="input w-auto py-1" value={input[key] ?? ""} onChange={(e) => filters.set({ [key]: e.target.value })}>
      <option value="">Any {label.toLowerCase()}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {select("kind", "Entity kind", KIND_KEYS.map((k) => ({ value: k, label: KIND_LABELS[k] })))}
        {select("source", "Source", SOURCE_KEYS.map((s) => ({ value: s, label: SOURCE_LABELS[s] })))}
        {select("field", "Field", FIELD_KEYS.map((f) => ({ value: f, label: FIELD_LABELS[f]! })))}
        <a className="btn" href={`/api/export/ad-history?${historyFiltersToUrl(input).toString()}`} download data-testid="export-csv">
          Export CSV
        </a>
        <span className="ml-auto text-slate-600" data-testid="history-count">
          {formatCount(data.count)} {data.count === 1 ? "change" : "changes"}
        </span>
      </div>

      {data.rows.length === 0 ? (
        <EmptyState title={filtered ? "No changes match" : "No changes yet"}>
          <p>
            {filtered
              ? "Nothing matches these filters."
              : "Changes appear here once a sync finds a budget, bid, status or placement changed in Seller Central (every 12 hours, or at once with Bulk Actions → Synchronize Budget/Bid or Status)."}
          </p>
        </EmptyState>
      ) : (
        <div className="card overflow-x-auto">
          <table className="table" data-testid="history">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>Entity</th>
                <th>Field</th>
                <th>Change</th>
                <th>Result</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id} data-testid="history-row" data-field={r.field} data-source={r.source}>
                  <td className="tabular-nums">{when.format(r.at)}</td>
                  <td>{r.source === "seller_central" ? "Seller Central" : (r.userName ?? "A former member")}</td>
                  <td className="max-w-md truncate">
                    <span className="text-xs text-slate-500">{KIND_LABELS[r.kind]}</span> <span className="font-medium">{r.entityLabel ?? r.entityId}</span>
                  </td>
                  <td>{labelOf(FIELD_LABELS, r.field)}</td>
                  <td data-testid="history-change">
                    {r.field === "created" ? (
                      changeValue(r.field, r.after, currency)
                    ) : (
                      <>
                        {changeValue(r.field, r.before, currency)} → {changeValue(r.field, r.after, currency)}
                      </>
                    )}
                  </td>
                  <td className={r.result === "failed" ? "text-red-700" : undefined}>
                    {RESULT_LABELS[r.result]}
                    {r.message && <span className="ml-1 text-xs whitespace-normal">({r.message})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={data.page} count={data.count} pageSize={data.pageSize} onPage={(page) => filters.set({ page: String(page) })} />
    </div>
  );
}
