"use client";

import Link from "next/link";
import { useState } from "react";
import { EmptyState } from "~/app/_components/empty-state";
import { formatCount, formatMoney } from "~/app/_components/format";
import { ListThumbnail } from "~/app/_components/list-thumbnail";
import { fromNow } from "~/app/_components/time";
import { useUrlFilters } from "~/app/_components/use-url-filters";
import { api, type RouterInputs, type RouterOutputs } from "~/app/_trpc/react";
import { DEFAULT_LIST_RANGE, LIST_RANGES } from "~/server/lists/ranges";
import { Pager } from "~/app/_components/pager";

type Input = RouterInputs["lists"]["page"];
type Page = RouterOutputs["lists"]["page"];
type Column = Page["columns"][number];

function cell(c: Column, row: Page["rows"][number]): string {
  const v = row[c.key];
  if (v === null || v === undefined || v === "") return c.empty ?? "—";
  switch (c.kind) {
    case "money":
      return row.currency ? formatMoney(String(v), String(row.currency)) : String(v);
    case "int":
      return formatCount(v);
    case "decimal":
      // Exact decimal text, without the storage's trailing zeros ("0.780000" → "0.78").
      return String(v).includes(".") ? String(v).replace(/0+$/, "").replace(/\.$/, "") : String(v);
    case "instant":
      return new Intl.DateTimeFormat("en", { timeZone: String(row.timeZone), dateStyle: "medium", timeStyle: "short" }).format(new Date(String(v)));
    default:
      return String(v);
  }
}

/** A filter's options, with the value the page applies even when no row has it now (an open set's value). */
const withChosen = (options: Page["filters"][number]["options"], chosen: string | undefined) =>
  chosen && !options.some((o) => o.value === chosen) ? [{ value: chosen, label: chosen }, ...options] : options;

const numeric = (c: Column) => c.kind === "int" || c.kind === "money" || c.kind === "decimal";

/** A picture's alt text: the first of its describing columns the row has (a product's title, else its SKU). */
const describe = (c: Column, row: Page["rows"][number]) =>
  c.describedBy.map((key) => row[key]).find((v) => v !== null && v !== undefined && v !== "")?.toString() ?? c.label;

function Empty({ sync, noun, hasDay }: { sync: Page["sync"]; noun: string; hasDay: boolean }) {
  switch (sync.state) {
    case "not_run":
      return (
        <EmptyState title={`No ${noun} yet`} action={<Link href="/sync" className="btn">Open the Sync center</Link>}>
          <p>The sync that brings them has not run yet: it starts once a store is authorized.</p>
        </EmptyState>
      );
    case "running":
      return (
        <EmptyState title={`Loading ${noun}`}>
          <p>The first sync is running now; they appear here as soon as it is done.</p>
        </EmptyState>
      );
    case "failed":
      return (
        <EmptyState title={`No ${noun}: the sync failed`} action={<Link href="/sync" className="btn">Open the Sync center</Link>}>
          <p>{sync.error}</p>
        </EmptyState>
      );
    case "synced":
      return (
        <EmptyState title={`No ${noun} match`}>
          <p>
            {sync.noData ? (hasDay ? "Amazon had no data for the synced period. " : "Amazon's latest report had none. ") : "Nothing matches these filters. "}
            Last synced {fromNow(sync.lastSucceededAt)}.
          </p>
        </EmptyState>
      );
  }
}

/**
 * A module's data list: marketplace, date range (for lists with a day), the list's own filters and search,
 * sortable columns, paging and totals on the server, and a CSV export of exactly what the filters select.
 */
export function ListView({ input, noun, searchHint }: { input: Input; noun: string; searchHint: string }) {
  const [data] = api.lists.page.useSuspenseQuery(input);
  const filters = useUrlFilters();
  const [q, setQ] = useState(input.search ?? "");
  const exportQuery = new URLSearchParams(filters.params);
  exportQuery.delete("page");
  // The range the page shows, even when it is the page's default and not in the URL.
  if (input.range) exportQuery.set("range", input.range);
  // The filters the page applies, not a URL value it left out as unfit (which the export would refuse).
  for (const f of data.filters) {
    const value = input.filters?.[f.key];
    if (value) exportQuery.set(f.key, value);
    else exportQuery.delete(f.key);
  }
  // …and the settings it computes with.
  for (const s of data.settings) {
    const value = input.settings?.[s.key];
    if (value !== undefined) exportQuery.set(s.key, String(value));
    else exportQuery.delete(s.key);
  }

  if (data.scopes.length === 0)
    return (
      <EmptyState title="No store authorized" action={<Link href="/settings/amazon" className="btn-primary">Go to Amazon authorizations</Link>}>
        <p>This list fills in once your Amazon store is authorized.</p>
      </EmptyState>
    );

  const sortBy = (c: Column) =>
    filters.set({ sort: c.key, dir: input.sort === c.key && input.dir !== "desc" ? "desc" : "asc" });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <select
          aria-label={data.scopeKind === "store" ? "Store" : "Marketplace"}
          className="input w-auto py-1"
          value={input.scopeId ?? ""}
          onChange={(e) => filters.set({ scope: e.target.value })}
        >
          <option value="">{data.scopeKind === "store" ? "All stores" : "All marketplaces"}</option>
          {data.scopes.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
        {data.hasDay && (
          <select aria-label="Date range" className="input w-auto py-1" value={input.range ?? DEFAULT_LIST_RANGE} onChange={(e) => filters.set({ range: e.target.value })}>
            {LIST_RANGES.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        )}
        {data.filters.map((f) => (
          <select key={f.key} aria-label={f.label} className="input w-auto py-1" value={input.filters?.[f.key] ?? ""} onChange={(e) => filters.set({ [f.key]: e.target.value })}>
            <option value="">Any {f.label.toLowerCase()}</option>
            {withChosen(f.options, input.filters?.[f.key]).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ))}
        {data.settings.length > 0 && <Settings settings={data.settings} chosen={input.settings} onChange={(changes) => filters.set(changes)} />}
        <form
          className="flex gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            filters.set({ q: q.trim() || undefined });
          }}
        >
          <input aria-label="Search" className="input w-64 py-1" placeholder={searchHint} value={q} onChange={(e) => setQ(e.target.value)} />
          <button className="btn" type="submit">Search</button>
        </form>
        <a className="btn" href={`/api/export/${input.list}?${exportQuery.toString()}`} download data-testid="export-csv">
          Export CSV
        </a>
        <span className="ml-auto text-slate-600" data-testid="list-count">
          {formatCount(data.count)} {noun}
        </span>
      </div>

      {data.rows.length === 0 ? (
        <Empty sync={data.sync} noun={noun} hasDay={data.hasDay} />
      ) : (
        <div className="card overflow-x-auto">
          <table className="table" data-testid="list">
            <thead>
              <tr>
                <th>{data.scopeKind === "store" ? "Store" : "Marketplace"}</th>
                {data.columns.map((c) =>
                  c.kind === "image" ? (
                    // Pictures have no order: a plain header, no sort button.
                    <th key={c.key}>{c.label}</th>
                  ) : (
                    <th key={c.key} className={numeric(c) ? "text-right" : undefined} aria-sort={input.sort === c.key ? (input.dir === "desc" ? "descending" : "ascending") : undefined}>
                      <button className="hover:underline" onClick={() => sortBy(c)}>
                        {c.label}
                        {input.sort === c.key ? (input.dir === "desc" ? " ↓" : " ↑") : ""}
                      </button>
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row, i) => (
                <tr key={i} data-testid="list-row">
                  <td>{row.marketplace}</td>
                  {data.columns.map((c) => (
                    <td key={c.key} className={numeric(c) ? "text-right tabular-nums" : c.kind === "code" ? "font-mono text-xs" : undefined}>
                      {c.kind === "image" ? (
                        <ListThumbnail url={typeof row[c.key] === "string" ? String(row[c.key]) : null} alt={describe(c, row)} />
                      ) : data.detail?.column === c.key && row[c.key] !== null ? (
                        <Link
                          className="underline decoration-slate-300 hover:decoration-slate-700"
                          title={data.detail.label}
                          href={`${data.detail.href}?${new URLSearchParams({ scope: String(row.scopeId), [data.detail.param]: String(row[c.key]) }).toString()}`}
                        >
                          {cell(c, row)}
                        </Link>
                      ) : (
                        cell(c, row)
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              {data.totals.map((t) => (
                <tr key={t.currency ?? "all"} className="font-medium" data-testid="list-total">
                  <td>Total{t.currency ? ` (${t.currency})` : ""}</td>
                  {data.columns.map((c) => (
                    <td key={c.key} className="text-right tabular-nums">
                      {c.total ? (c.kind === "money" && t.currency ? formatMoney(t.values[c.key] ?? "0", t.currency) : formatCount(t.values[c.key] ?? "0")) : ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tfoot>
          </table>
        </div>
      )}
      <Pager page={data.page} count={data.count} pageSize={data.pageSize} onPage={(page) => filters.set({ page: String(page) })} />
    </div>
  );
}

/**
 * The numbers a list computes with (a lead time, days of cover), each in the URL like a filter: a change
 * applies when the field is left or Enter is pressed, so typing "45" does not reload the page at "4".
 */
function Settings({ settings, chosen, onChange }: { settings: Page["settings"]; chosen: Input["settings"]; onChange: (changes: Record<string, string | undefined>) => void }) {
  const apply = (key: string, byDefault: number, text: string) => {
    const value = text.trim();
    onChange({ [key]: value === "" || Number(value) === byDefault ? undefined : value });
  };
  return (
    <>
      {settings.map((s) => (
        <label key={s.key} className="flex items-center gap-1 text-slate-600">
          {s.label}
          <input
            key={String(chosen?.[s.key] ?? s.default)}
            aria-label={s.label}
            className="input w-20 py-1 text-right"
            type="number"
            inputMode="numeric"
            min={s.min}
            max={s.max}
            step={1}
            defaultValue={chosen?.[s.key] ?? s.default}
            onBlur={(e) => apply(s.key, s.default, e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") apply(s.key, s.default, e.currentTarget.value);
            }}
          />
          {s.unit}
        </label>
      ))}
    </>
  );
}
