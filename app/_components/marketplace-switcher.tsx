"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

export interface MarketplaceOption {
  id: string;
  label: string;
}

/** Filters a module to one marketplace; lists only marketplaces of the organization's authorized stores. */
export function MarketplaceSwitcher({ marketplaces }: { marketplaces: MarketplaceOption[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const value = params.get("marketplace") ?? "all";

  if (marketplaces.length === 0) {
    return (
      <label className="flex items-center gap-1.5 text-xs text-slate-500">
        Marketplace
        <select aria-label="Marketplace" className="input w-auto py-1" disabled value="none">
          <option value="none">No store authorized</option>
        </select>
      </label>
    );
  }
  return (
    <label className="flex items-center gap-1.5 text-xs text-slate-500">
      Marketplace
      <select
        aria-label="Marketplace"
        className="input w-auto py-1"
        value={value}
        onChange={(e) => {
          const next = new URLSearchParams(params);
          next.set("marketplace", e.target.value);
          router.replace(`${pathname}?${next.toString()}`);
        }}
      >
        <option value="all">All marketplaces</option>
        {marketplaces.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </select>
    </label>
  );
}
