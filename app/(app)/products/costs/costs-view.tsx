"use client";

import { useState } from "react";
import { formatCount } from "~/app/_components/format";
import { Pager } from "~/app/_components/pager";
import { useUrlFilters } from "~/app/_components/use-url-filters";
import { api, type RouterInputs } from "~/app/_trpc/react";
import { hasRole } from "~/server/organizations/roles";
import { BulkSet } from "./bulk-set";
import { CostsEmpty } from "./costs-empty";
import { CostsTable } from "./costs-table";
import { CsvUpload } from "./csv-upload";

type Input = RouterInputs["costs"]["list"] & { page: number; pageSize: number };

/** The costs page under its header: the store, filters, downloads and upload, the SKUs and their costs. */
export function CostsView({ input }: { input: Input }) {
  const [list] = api.costs.list.useSuspenseQuery(input);
  const [current] = api.organization.current.useSuspenseQuery();
  const canEdit = hasRole(current.role, "operator");
  const filters = useUrlFilters();
  const [q, setQ] = useState(input.search ?? "");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [uploading, setUploading] = useState(false);

  if (!list.store || !list.today) return <CostsEmpty kind="no-store" />;
  const store = list.store;
  const query = new URLSearchParams({ store: store.id });
  if (input.missingOnly) query.set("missing", "1");
  if (input.search) query.set("q", input.search);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {list.stores.length > 1 && (
          <select aria-label="Store" className="input w-auto py-1" value={store.id} onChange={(e) => filters.set({ store: e.target.value })}>
            {list.stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
        <label className="flex items-center gap-1.5 text-slate-700">
          <input type="checkbox" checked={Boolean(input.missingOnly)} onChange={(e) => filters.set({ missing: e.target.checked ? "1" : undefined })} />
          Missing costs only
        </label>
        <form
          className="flex gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            filters.set({ q: q.trim() || undefined });
          }}
        >
          <input aria-label="Search" className="input w-64 py-1" placeholder="SKU, ASIN or title" value={q} onChange={(e) => setQ(e.target.value)} />
          <button className="btn" type="submit">
            Search
          </button>
        </form>
        <a className="btn" href={`/api/export/product-costs?${query.toString()}`} download data-testid="export-csv">
          Export CSV
        </a>
        {canEdit && (
          <button type="button" className="btn" aria-expanded={uploading} onClick={() => setUploading(!uploading)}>
            Upload CSV
          </button>
        )}
        <span className="ml-auto text-slate-600" data-testid="costs-count">
          {formatCount(list.skus)} SKUs
          {list.missing > 0 && (
            <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900" data-testid="missing-count">
              {formatCount(list.missing)} without a cost
            </span>
          )}
        </span>
      </div>

      {uploading && canEdit && <CsvUpload store={store} />}
      {canEdit && selected.size > 0 && <BulkSet store={store} today={list.today} skus={[...selected]} onDone={() => setSelected(new Set())} />}
      {!canEdit && <p className="text-xs text-slate-500">Viewers see the costs; an operator, admin or owner enters them.</p>}

      {list.rows.length === 0 ? (
        <CostsEmpty kind={list.skus === 0 ? "no-products" : "no-match"} />
      ) : (
        <CostsTable rows={list.rows} store={store} today={list.today} canEdit={canEdit} selected={selected} onSelect={setSelected} />
      )}
      <Pager page={list.page} count={list.count} pageSize={list.pageSize} onPage={(page) => filters.set({ page: String(page) })} />
    </div>
  );
}
