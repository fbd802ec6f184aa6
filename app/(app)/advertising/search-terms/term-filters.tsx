"use client";

import { useState } from "react";
import { useUrlFilters } from "~/app/_components/use-url-filters";
import { ORDER_FILTER_LABELS, ORDER_FILTERS, type OrderFilter } from "~/server/advertising/search-term-vocabulary";

/** A search of the terms, a minimum of clicks and "has orders" / "no orders", each kept in the URL. */
export function TermFilters(props: { search?: string; minClicks?: number; orders?: OrderFilter }) {
  const filters = useUrlFilters();
  const [q, setQ] = useState(props.search ?? "");
  const [clicks, setClicks] = useState(props.minClicks === undefined ? "" : String(props.minClicks));
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        filters.set({ q: q.trim() || undefined, minClicks: /^\d+$/.test(clicks.trim()) ? clicks.trim() : undefined });
      }}
    >
      <select aria-label="Orders" className="input w-auto py-1" value={props.orders ?? ""} onChange={(e) => filters.set({ orders: e.target.value })}>
        <option value="">Any orders</option>
        {ORDER_FILTERS.map((o) => (
          <option key={o} value={o}>
            {ORDER_FILTER_LABELS[o]}
          </option>
        ))}
      </select>
      <label className="flex items-center gap-1.5 text-slate-700">
        Min. clicks
        <input aria-label="Minimum clicks" className="input w-16 py-1" inputMode="numeric" value={clicks} onChange={(e) => setClicks(e.target.value)} />
      </label>
      <input aria-label="Search" className="input w-56 py-1" placeholder="Search term or ASIN" value={q} onChange={(e) => setQ(e.target.value)} />
      <button className="btn" type="submit">
        Apply
      </button>
    </form>
  );
}
