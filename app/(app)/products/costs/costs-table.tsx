"use client";

import Link from "next/link";
import { Fragment, useState } from "react";
import { formatCount, formatMoney } from "~/app/_components/format";
import { ListThumbnail } from "~/app/_components/list-thumbnail";
import type { RouterOutputs } from "~/app/_trpc/react";
import { InlineEdit } from "./inline-edit";

type List = RouterOutputs["costs"]["list"];
type Row = List["rows"][number];
type Store = NonNullable<List["store"]>;

const money = (value: string | null, currency: string | null) => (value !== null && currency ? formatMoney(value, currency) : "—");

export const skuHref = (storeId: string, sku: string) => `/products/costs/sku?${new URLSearchParams({ store: storeId, sku }).toString()}`;

/** The SKUs of a page with today's cost; an operator ticks rows for a bulk change or edits one in place. */
export function CostsTable(props: { rows: Row[]; store: Store; today: string; canEdit: boolean; selected: Set<string>; onSelect: (s: Set<string>) => void }) {
  const { rows, store, canEdit, selected } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const toggle = (sku: string) => {
    const next = new Set(selected);
    if (next.has(sku)) next.delete(sku);
    else next.add(sku);
    props.onSelect(next);
  };
  const allOnPage = rows.every((r) => selected.has(r.sku));
  const columns = canEdit ? 11 : 9;
  return (
    <div className="card overflow-x-auto">
      <table className="table" data-testid="costs">
        <thead>
          <tr>
            {canEdit && (
              <th>
                <input
                  type="checkbox"
                  aria-label="Select every SKU on this page"
                  checked={allOnPage}
                  onChange={() => props.onSelect(new Set(allOnPage ? [] : rows.map((r) => r.sku)))}
                />
              </th>
            )}
            <th>Product</th>
            <th className="text-right">Units ordered</th>
            <th className="text-right">Purchase</th>
            <th className="text-right">Inbound shipping</th>
            <th className="text-right">Other</th>
            <th className="text-right">Total per unit</th>
            <th>Currency</th>
            <th>Valid from</th>
            <th>Periods · batches</th>
            {canEdit && <th />}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Fragment key={r.sku}>
              <tr data-testid="cost-row" data-sku={r.sku} data-missing={r.validFrom === null || undefined}>
                {canEdit && (
                  <td>
                    <input type="checkbox" aria-label={`Select ${r.sku}`} checked={selected.has(r.sku)} onChange={() => toggle(r.sku)} />
                  </td>
                )}
                <td className="max-w-sm">
                  <div className="flex items-center gap-2">
                    <ListThumbnail url={r.imageUrl} alt={r.title ?? r.sku} />
                    <div className="min-w-0">
                      <Link href={skuHref(store.id, r.sku)} className="font-mono text-xs font-medium underline decoration-slate-300 hover:decoration-slate-700" data-testid="cost-sku">
                        {r.sku}
                      </Link>
                      {r.asin && <span className="ml-2 font-mono text-xs text-slate-500">{r.asin}</span>}
                      {r.title && <div className="truncate text-xs text-slate-500" title={r.title}>{r.title}</div>}
                    </div>
                  </div>
                </td>
                <td className="text-right tabular-nums">{formatCount(r.unitsOrdered)}</td>
                {r.validFrom === null ? (
                  <td colSpan={6}>
                    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900" data-testid="missing-cost">
                      Missing cost
                    </span>
                  </td>
                ) : (
                  <>
                    <td className="text-right tabular-nums">{money(r.purchaseCost, r.currency)}</td>
                    <td className="text-right tabular-nums">{money(r.inboundShippingCost, r.currency)}</td>
                    <td className="text-right tabular-nums">{money(r.otherCost, r.currency)}</td>
                    <td className="text-right font-medium tabular-nums" data-testid="cost-total">
                      {money(r.totalCost, r.currency)}
                    </td>
                    <td>{r.currency}</td>
                    <td title={r.validFrom > props.today ? "Starts later: the first period also covers the days before it" : undefined}>{r.validFrom}</td>
                  </>
                )}
                <td className="text-slate-500 tabular-nums">
                  {r.periods} · {r.batches}
                </td>
                {canEdit && (
                  <td>
                    <button type="button" className="btn" onClick={() => setEditing(editing === r.sku ? null : r.sku)} aria-expanded={editing === r.sku}>
                      {r.validFrom === null ? "Set cost" : "Edit"}
                    </button>
                  </td>
                )}
              </tr>
              {editing === r.sku && (
                <tr>
                  <td colSpan={columns} className="bg-slate-50">
                    <InlineEdit row={r} store={store} today={props.today} onDone={() => setEditing(null)} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
