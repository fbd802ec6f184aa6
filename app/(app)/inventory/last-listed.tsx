"use client";

import Link from "next/link";
import { fromNow } from "~/app/_components/time";
import { api } from "~/app/_trpc/react";

/** When each marketplace's inventory was last listed whole, and how many SKUs Amazon listed then. */
export function LastListed() {
  const [status] = api.inventory.status.useSuspenseQuery();
  return (
    <section className="card p-3 text-sm" data-testid="inventory-fetched">
      <h2 className="mb-1 text-sm font-medium text-slate-800">Last fetched from Amazon</h2>
      {status.length === 0 && <p className="text-slate-600">No store marketplace is authorized yet.</p>}
      <ul className="space-y-0.5">
        {status.map((m) => (
          <li key={m.storeMarketplaceId} data-testid="inventory-fetched-marketplace">
            <span className="font-medium">{m.countryCode}</span>{" "}
            {m.lastFetchedAt ? (
              <span className="text-slate-600">
                <time dateTime={new Date(m.lastFetchedAt).toISOString()} title={new Intl.DateTimeFormat("en", { timeZone: m.timeZone, dateStyle: "medium", timeStyle: "short" }).format(new Date(m.lastFetchedAt))}>
                  {fromNow(new Date(m.lastFetchedAt))}
                </time>
                : {m.skus} SKU{m.skus === 1 ? "" : "s"} listed
                {m.nextDueAt ? `; next listing ${new Date(m.nextDueAt) > new Date() ? fromNow(new Date(m.nextDueAt)) : "due now"}` : ""}.
              </span>
            ) : (
              <span className="text-slate-600">{m.status === "running" ? "being listed for the first time now." : "not listed yet."}</span>
            )}
            {m.status === "failed" && m.lastError && (
              <span className="text-red-700">
                {" "}The last listing failed: {m.lastError} It is tried again automatically; see the{" "}
                <Link href="/sync" className="underline">Sync center</Link>.
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
