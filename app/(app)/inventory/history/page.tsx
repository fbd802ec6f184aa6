import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "~/app/_components/empty-state";
import { formatCount } from "~/app/_components/format";
import { PageHeader } from "~/app/_components/page-header";
import { api } from "~/app/_trpc/server";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";

export const metadata: Metadata = { title: "Inventory history" };

const QUANTITIES = [
  ["fulfillable", "Fulfillable"],
  ["inboundWorking", "Inbound working"],
  ["inboundShipped", "Inbound shipped"],
  ["inboundReceiving", "Inbound receiving"],
  ["reserved", "Reserved"],
  ["researching", "Researching"],
  ["unfulfillable", "Unfulfillable"],
  ["totalQuantity", "Total"],
] as const;

/** One SKU's FBA quantities over time in one marketplace: every change a listing found, newest first. */
export default async function InventoryHistoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { scope, sku } = readSearchParams(await searchParams, ["scope", "sku"]);
  if (!scope || !/^[0-9a-f-]{36}$/i.test(scope) || !sku?.trim()) notFound();
  const history = await api.inventory.history({ storeMarketplaceId: scope, sku }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  const back = (
    <Link href={`/inventory?scope=${scope}`} className="btn">
      Back to Inventory
    </Link>
  );
  if (!history)
    return (
      <EmptyState title="No such SKU in this marketplace" action={back}>
        <p>Amazon&apos;s FBA inventory listing of this marketplace has never named {sku}.</p>
      </EmptyState>
    );
  const { level, changes } = history;
  const at = new Intl.DateTimeFormat("en", { timeZone: level.timeZone, dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageHeader
        title={`${level.sellerSku} · ${level.countryCode}`}
        description={`${level.productName ?? "—"} · ASIN ${level.asin ?? "—"} · FNSKU ${level.fnsku ?? "—"}. Each row is a listing that found this SKU's quantities changed (times in the marketplace's zone, ${level.timeZone}); listings that found them unchanged add no row.`}
      >
        {back}
      </PageHeader>
      <p className="mb-3 text-sm text-slate-600" data-testid="sku-now">
        {level.removedAt
          ? `Amazon's listing has not named this SKU since ${at.format(level.removedAt)}; its units are counted as 0.`
          : `Now: ${formatCount(level.fulfillable)} fulfillable of ${formatCount(level.totalQuantity)} in total, unchanged since ${at.format(level.changedAt)}.`}
      </p>
      <div className="card overflow-x-auto">
        <table className="table" data-testid="sku-history">
          <thead>
            <tr>
              <th>Listed</th>
              {QUANTITIES.map(([key, label]) => (
                <th key={key} className="text-right">
                  {label}
                </th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.observedAt.toISOString()} data-testid="sku-history-row">
                <td>{at.format(c.observedAt)}</td>
                {QUANTITIES.map(([key]) => (
                  <td key={key} className="text-right tabular-nums">
                    {formatCount(c[key])}
                  </td>
                ))}
                <td className="text-slate-500">{c.removed ? "no longer listed by Amazon" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {history.more && <p className="mt-2 text-sm text-slate-500">The latest {changes.length} changes are shown.</p>}
    </>
  );
}
