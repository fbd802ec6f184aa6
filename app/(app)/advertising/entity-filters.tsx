"use client";

import { useState } from "react";
import { useUrlFilters } from "~/app/_components/use-url-filters";
import { STATE_FILTER_LABELS, STATE_FILTERS, TARGETING_FILTER_LABELS, TARGETING_FILTERS, type StateFilter, type TargetingFilter } from "~/server/advertising/vocabulary";

/** State, "Show archived" and a search, each kept in the URL like every list page's filters. */
export function EntityFilters(props: {
  state?: StateFilter;
  archived?: boolean;
  search?: string;
  searchHint: string;
  /** The Keywords & targets table's type filter; absent on the other tables. */
  targeting?: { value?: TargetingFilter };
}) {
  const { state, archived, search, searchHint, targeting } = props;
  const filters = useUrlFilters();
  const [q, setQ] = useState(search ?? "");
  // Ticked at once on click; the URL (and the rows) follow.
  const [showArchived, setShowArchived] = useState(archived ?? false);
  return (
    <>
      {targeting && (
        <select aria-label="Targeting" className="input w-auto py-1" value={targeting.value ?? ""} onChange={(e) => filters.set({ type: e.target.value })}>
          <option value="">Keywords and targets</option>
          {TARGETING_FILTERS.map((t) => (
            <option key={t} value={t}>
              {TARGETING_FILTER_LABELS[t]}
            </option>
          ))}
        </select>
      )}
      <select aria-label="State" className="input w-auto py-1" value={state ?? ""} onChange={(e) => filters.set({ state: e.target.value })}>
        <option value="">Any state</option>
        {STATE_FILTERS.map((s) => (
          <option key={s} value={s}>
            {STATE_FILTER_LABELS[s]}
          </option>
        ))}
      </select>
      <label className="flex items-center gap-1.5 text-slate-700">
        <input
          type="checkbox"
          checked={showArchived}
          disabled={state !== undefined}
          onChange={(e) => {
            setShowArchived(e.target.checked);
            filters.set({ archived: e.target.checked ? "1" : undefined });
          }}
        />
        Show archived
      </label>
      <form
        className="flex gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          filters.set({ q: q.trim() || undefined });
        }}
      >
        <input aria-label="Search" className="input w-56 py-1" placeholder={searchHint} value={q} onChange={(e) => setQ(e.target.value)} />
        <button className="btn" type="submit">
          Search
        </button>
      </form>
    </>
  );
}
