"use client";

import Link from "next/link";
import { useState } from "react";
import { EmptyState } from "~/app/_components/empty-state";
import { formatMoney } from "~/app/_components/format";
import { useUrlFilters } from "~/app/_components/use-url-filters";
import { api, type RouterInputs } from "~/app/_trpc/react";
import { HistoryProgress } from "./history-progress";
import { Pager } from "~/app/_components/pager";

export interface OrdersSearch {
  range?: string;
  marketplace?: string;
  status?: string;
  q?: string;
  page?: string;
}

const PENDING = new Set(["Pending", "PendingAvailability"]);
const purchased = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(d);

export function OrdersView({ input }: { input: RouterInputs["orders"]["list"] }) {
  const [marketplaces] = api.orders.marketplaces.useSuspenseQuery();
  const [data] = api.orders.list.useSuspenseQuery(input);
  const setFilter = useUrlFilters().set;
  const [q, setQ] = useState(input.search ?? "");

  if (marketplaces.length === 0)
    return (
      <EmptyState title="No store authorized" action={<Link href="/settings/amazon" className="btn-primary">Go to Amazon authorizations</Link>}>
        <p>Orders appear here once your Amazon store is authorized; orders since yesterday arrive within minutes.</p>
      </EmptyState>
    );
  return (
    <div className="space-y-3">
      <HistoryProgress />
      <div className="flex flex-wrap items-center gap-2">
        <select aria-label="Marketplace" className="input w-auto py-1" value={input.storeMarketplaceId ?? ""} onChange={(e) => setFilter({ marketplace: e.target.value })}>
          <option value="">All marketplaces</option>
          {marketplaces.map((m) => (
            <option key={m.id} value={m.id}>
              {m.countryCode} · {m.name}
            </option>
          ))}
        </select>
        <select aria-label="Status" className="input w-auto py-1" value={input.status ?? ""} onChange={(e) => setFilter({ status: e.target.value })}>
          <option value="">All statuses</option>
          {data.statuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <form
          className="flex gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            setFilter({ q: q.trim() || undefined });
          }}
        >
          <input aria-label="Search orders" className="input w-64 py-1" placeholder="Order id, SKU or ASIN" value={q} onChange={(e) => setQ(e.target.value)} />
          <button className="btn" type="submit">Search</button>
        </form>
        <div className="ml-auto flex gap-3 text-slate-600" data-testid="orders-summary">
          <span>{data.count.toLocaleString("en")} orders</span>
          {data.summary.map((s) => (
            <span key={s.currencyCode}>
              {formatMoney(s.total, s.currencyCode)}
              {s.pending > 0 && <span className="text-amber-700"> · {s.pending} pending</span>}
            </span>
          ))}
        </div>
      </div>

      {data.rows.length === 0 ? (
        <EmptyState title="No orders match">
          <p>No order in these days matches the filters. Recent orders sync every 15–30 minutes; see the Sync center.</p>
        </EmptyState>
      ) : (
        <div className="card overflow-x-auto">
          <table className="table" data-testid="orders">
            <thead>
              <tr>
                <th>Purchased (local)</th>
                <th>Order</th>
                <th>Marketplace</th>
                <th>Status</th>
                <th>Channel</th>
                <th>SKUs</th>
                <th className="text-right">Units</th>
                <th className="text-right">Total</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((o) => (
                <tr key={`${o.storeMarketplaceId}-${o.amazonOrderId}`} data-testid="order-row">
                  <td>{purchased(o.purchaseDate, o.timeZone)}</td>
                  <td className="font-mono text-xs">{o.amazonOrderId}</td>
                  <td>{o.countryCode}</td>
                  <td>
                    {PENDING.has(o.status) ? (
                      <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-800" title="Amazon has not confirmed payment yet; amounts follow.">
                        {o.status}
                      </span>
                    ) : o.status === "Canceled" ? (
                      <span className="text-slate-400 line-through">{o.status}</span>
                    ) : (
                      o.status
                    )}
                    {o.refunded && (
                      <Link href={`/refunds?range=all&q=${o.amazonOrderId}`} className="ml-1.5 rounded bg-rose-50 px-1.5 py-0.5 text-xs font-medium text-rose-800" data-testid="order-refunded">
                        Refunded
                      </Link>
                    )}
                  </td>
                  <td>{o.fulfillmentChannel === "AFN" ? "FBA" : o.fulfillmentChannel === "MFN" ? "Merchant" : (o.fulfillmentChannel ?? "—")}</td>
                  <td className="max-w-xs truncate text-xs">{o.skus ?? "—"}</td>
                  <td className="text-right tabular-nums">
                    {o.units === null ? (
                      <span className="text-amber-700" title="The order is stored; its items arrive with the next step of the sync.">
                        items pending
                      </span>
                    ) : (
                      o.units
                    )}
                  </td>
                  <td className="text-right tabular-nums">
                    {o.orderTotal === null ? <span className="text-amber-700">pending</span> : formatMoney(o.orderTotal, o.currencyCode)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={data.page} count={data.count} pageSize={data.pageSize} onPage={(page) => setFilter({ page: String(page) })} />
    </div>
  );
}
