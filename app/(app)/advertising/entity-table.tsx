"use client";

import Link from "next/link";
import { useState } from "react";
import { EmptyState } from "~/app/_components/empty-state";
import { formatCount } from "~/app/_components/format";
import { Pager } from "~/app/_components/pager";
import { useUrlFilters } from "~/app/_components/use-url-filters";
import { api, type RouterInputs } from "~/app/_trpc/react";
import type { EntityListPage } from "~/server/advertising/entity-lists";
import type { EntityListKey } from "~/server/advertising/vocabulary";
import { BulkActions } from "./bulk-actions";
import { EditOutcome } from "./edits/edit-outcome";
import { EditSessionProvider } from "./edits/edit-session";
import type { EditableRow } from "./edits/model";
import { ENTITY_COLUMNS, type EntityColumn, type EntityRow } from "./entity-columns";
import { EntityFilters } from "./entity-filters";

type Input = RouterInputs["advertising"]["campaigns"] & { page: number; pageSize: number };

/** Each table's words: what a row is, what the search finds, and its test id (one per table). */
const TABLES: Record<EntityListKey, { one: string; many: string; searchHint: string; testId: string }> = {
  campaigns: { one: "campaign", many: "campaigns", searchHint: "Campaign name or id", testId: "campaigns" },
  adGroups: { one: "ad group", many: "ad groups", searchHint: "Ad group name or id", testId: "ad-groups" },
  targets: { one: "keyword or target", many: "keywords and targets", searchHint: "Keyword, ASIN or category", testId: "targets" },
  products: { one: "product ad", many: "product ads", searchHint: "SKU or ASIN", testId: "products" },
  negatives: { one: "negative", many: "negative keywords and targets", searchHint: "Keyword or ASIN", testId: "negatives" },
};

const rowKey = (row: EntityRow) => `${row.kind ?? "report"}:${row.id}`;

/**
 * One of the Advertising module's entity tables: every entity of its kinds with its settings beside the
 * range's performance, filters and sorting in the URL, rows to select for Bulk Actions, totals and pages.
 * Operators change settings in place or in bulk; every edit reports in one panel above the rows.
 */
export function EntityTable(props: { list: EntityListKey; input: Input; canEdit: boolean; query: string }) {
  const [data] = api.advertising[props.list].useSuspenseQuery(props.input);
  return (
    <EditSessionProvider adProfileId={props.input.adProfileId} currency={data.profile.currencyCode} canEdit={props.canEdit}>
      <Table {...props} data={data} />
    </EditSessionProvider>
  );
}

function Table({ list, input, canEdit, query, data }: { list: EntityListKey; input: Input; canEdit: boolean; query: string; data: EntityListPage }) {
  const utils = api.useUtils();
  const filters = useUrlFilters();
  const [selected, setSelected] = useState<Map<string, EditableRow>>(new Map());
  const table = TABLES[list];
  const columns = ENTITY_COLUMNS[list];
  const context = { currency: data.profile.currencyCode, query };
  // Only a synced entity can be read from Amazon by id; a report-only row waits for the additions.
  const selectable = data.rows.filter((row) => row.synced && row.kind);
  const allSelected = selectable.length > 0 && selectable.every((row) => selected.has(rowKey(row)));
  const filtered = Boolean(input.state || input.search || input.archived);

  const toggle = (rows: EntityRow[], on: boolean) => {
    const next = new Map(selected);
    for (const row of rows) {
      if (on && row.kind) next.set(rowKey(row), { ...row, kind: row.kind });
      else next.delete(rowKey(row));
    }
    setSelected(next);
  };
  const sortBy = (c: EntityColumn) => {
    if (!c.sort) return;
    // A number reads best largest first; a name from A.
    const first = c.numeric ? "desc" : "asc";
    const dir = input.sort === c.sort ? (input.dir === "desc" ? "asc" : "desc") : first;
    filters.set({ sort: c.sort, dir });
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <BulkActions
          list={list}
          adProfileId={input.adProfileId}
          selection={[...selected.values()]}
          canSync={canEdit}
          onSynced={() => {
            setSelected(new Map());
            void utils.advertising.invalidate();
          }}
          // The selection showed values Amazon has just changed: it starts over.
          onEdited={() => setSelected(new Map())}
        />
        <EntityFilters
          state={input.state}
          archived={input.archived}
          search={input.search}
          searchHint={table.searchHint}
          targeting={list === "targets" ? { value: input.targeting } : undefined}
        />
        <span className="ml-auto text-slate-600" data-testid="entity-count">
          {selected.size > 0 && `${formatCount(selected.size)} selected · `}
          {formatCount(data.count)} {data.count === 1 ? table.one : table.many}
          {data.archivedHidden > 0 && (
            <button type="button" className="ml-1 underline" onClick={() => filters.set({ archived: "1" })}>
              ({formatCount(data.archivedHidden)} archived hidden)
            </button>
          )}
        </span>
      </div>
      <EditOutcome />

      {data.count === 0 ? (
        filtered || data.archivedHidden > 0 ? (
          <EmptyState title={`No ${table.many} match`}>
            <p>{filtered ? "Nothing matches these filters." : `Every one of them is archived: tick "Show archived" to see them.`}</p>
          </EmptyState>
        ) : (
          <EmptyState title={`No ${table.many} yet`} action={<Link href="/sync" className="btn">Open the Sync center</Link>}>
            <p>
              The ad account is listed right after the Ads authorization, and the last 60 days of performance follow within minutes. Entities added in
              Seller Central since then arrive with their first impressions, or at once with Bulk Actions → Synchronize Amazon Additions.
            </p>
          </EmptyState>
        )
      ) : (
        <div className="card overflow-x-auto">
          <table className="table" data-testid={table.testId}>
            <thead>
              <tr>
                <th className="w-8">
                  <input
                    type="checkbox"
                    aria-label="Select every row on this page"
                    checked={allSelected}
                    disabled={selectable.length === 0}
                    onChange={(e) => toggle(selectable, e.target.checked)}
                  />
                </th>
                {columns.map((c) => (
                  <th key={c.key} className={c.numeric ? "text-right" : undefined} aria-sort={c.sort && input.sort === c.sort ? (input.dir === "desc" ? "descending" : "ascending") : undefined}>
                    {c.sort ? (
                      <button type="button" className="hover:underline" onClick={() => sortBy(c)}>
                        {c.label}
                        {input.sort === c.sort ? (input.dir === "desc" ? " ↓" : " ↑") : ""}
                      </button>
                    ) : (
                      c.label
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={rowKey(row)} className="group/row" data-testid="performance-row" data-entity-id={row.id} data-synced={row.synced}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${row.label}`}
                      title={row.synced ? undefined : "Not synced yet: Synchronize Amazon Additions brings its settings."}
                      disabled={!row.synced}
                      checked={selected.has(rowKey(row))}
                      onChange={(e) => toggle([row], e.target.checked)}
                    />
                  </td>
                  {columns.map((c) => (
                    <td key={c.key} data-column={c.key} className={c.numeric ? "text-right tabular-nums" : c.key === "name" ? "max-w-md truncate" : undefined}>
                      {c.cell(row, context)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            {data.hasMetrics && (
              <tfoot>
                <tr className="bg-slate-50 font-semibold" data-testid="performance-total">
                  <td />
                  {columns.map((c, i) => (
                    <td key={c.key} className={c.numeric ? "px-3 py-1.5 text-right tabular-nums" : "px-3 py-1.5"}>
                      {i === 0 ? `Total (${formatCount(data.count)})` : c.total ? c.total(data.totals, context) : ""}
                    </td>
                  ))}
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
      <Pager page={data.page} count={data.count} pageSize={data.pageSize} onPage={(page) => filters.set({ page: String(page) })} />
    </div>
  );
}
