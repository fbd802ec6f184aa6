import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "~/app/_components/empty-state";
import { formatCount, formatMoney } from "~/app/_components/format";
import { PageHeader } from "~/app/_components/page-header";
import { api } from "~/app/_trpc/server";
import { readSearchParams, type SearchParams } from "~/server/http/search-params";

export const metadata: Metadata = { title: "Underpaid reimbursements" };

const PAGE_SIZE = 50;

/** Reimbursements Amazon paid below what the units cost the seller, from the product costs they entered. */
export default async function UnderpaidPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search = readSearchParams(await searchParams, ["q", "page"]);
  const page = Math.min(100_000, Math.max(1, Number(search.page) || 1));
  const data = await api.claims.underpaid({ search: search.q || undefined, page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(data.count / PAGE_SIZE));
  const link = (p: number) => `/claims/underpaid?${new URLSearchParams({ ...(search.q ? { q: search.q } : {}), page: String(p) }).toString()}`;
  return (
    <>
      <div className="mb-1 text-xs text-slate-500">
        <Link href="/claims" className="hover:underline">Claims</Link> ›
      </div>
      <PageHeader
        title="Underpaid reimbursements"
        description="Amazon reimburses a lost or damaged unit at its own estimate of the item's value. Each cash reimbursement below your unit cost on its approval day (purchase + inbound shipping + other, as entered in Product costs; converted at that day's ECB rate when the currencies differ) is listed with what it fell short by — evidence for asking Amazon to reconsider."
      />
      {data.compared === 0 ? (
        <EmptyState
          title="Nothing to compare yet"
          action={<Link href="/products/costs" className="btn-primary">Enter product costs</Link>}
        >
          <p>
            No cash reimbursement has a product cost to compare with: enter the costs of your SKUs (one by one or by CSV), and every
            reimbursement of those SKUs is checked here.
          </p>
        </EmptyState>
      ) : (
        <div className="space-y-3">
          <div className="card px-3 py-2 text-sm" data-testid="underpaid-totals">
            {data.totals.length === 0
              ? `None of the ${formatCount(data.compared)} cash reimbursements with a product cost was below it.`
              : data.totals.map((t) => (
                  <div key={t.currency}>
                    {formatCount(t.reimbursements)} reimbursement{t.reimbursements === 1 ? "" : "s"} ({formatCount(t.units)} units) short by{" "}
                    <strong>{formatMoney(t.shortfall, t.currency)}</strong>
                  </div>
                ))}
            <div className="text-xs text-slate-500">
              {formatCount(data.compared)} cash reimbursements compared with your costs
              {data.withoutRate > 0 && `; ${formatCount(data.withoutRate)} could not be (no ECB rate for their currencies on that day)`}.
            </div>
          </div>
          <form className="flex gap-2" action="/claims/underpaid">
            <input name="q" defaultValue={search.q ?? ""} className="input w-64 py-1" placeholder="SKU, ASIN, product or reimbursement id" aria-label="Search" />
            <button className="btn py-1">Search</button>
          </form>
          <div className="card overflow-x-auto">
            <table className="table" data-testid="underpaid-table">
              <thead>
                <tr>
                  <th>Approved</th>
                  <th>Reimbursement</th>
                  <th>Product</th>
                  <th>Reason</th>
                  <th className="text-right">Units paid</th>
                  <th className="text-right">Amazon paid / unit</th>
                  <th className="text-right">Your cost / unit</th>
                  <th className="text-right">Short by</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={`${r.storeId}-${r.reimbursementId}-${r.sku}`} data-testid="underpaid-row">
                    <td>{r.approvalDay}</td>
                    <td>
                      {r.reimbursementId}
                      {r.caseId && <div className="text-xs text-slate-500">case {r.caseId}</div>}
                      {r.amazonOrderId && <div className="text-xs text-slate-500">order {r.amazonOrderId}</div>}
                    </td>
                    <td>
                      {r.sku}
                      <div className="max-w-xs truncate text-xs text-slate-500">{[r.asin, r.productName].filter(Boolean).join(" · ")}</div>
                    </td>
                    <td>{r.reason.replace(/_/g, " ")}</td>
                    <td className="text-right tabular-nums">{formatCount(r.quantityCash)}</td>
                    <td className="text-right tabular-nums">{formatMoney(r.amountPerUnit, r.currency)}</td>
                    <td className="text-right tabular-nums" title={`Cost from ${r.costValidFrom}: ${r.costAsEntered} ${r.costCurrency}`}>
                      {formatMoney(r.unitCost, r.currency)}
                      {r.costCurrency !== r.currency && <div className="text-xs text-slate-500">{formatMoney(r.costAsEntered, r.costCurrency)}</div>}
                    </td>
                    <td className="text-right font-medium tabular-nums text-red-700">
                      {formatMoney(r.shortfall, r.currency)}
                      <div className="text-xs font-normal text-slate-500">{formatMoney(r.shortfallPerUnit, r.currency)} / unit</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <div className="flex items-center gap-2 text-sm">
              {page > 1 && <Link className="btn py-0.5" href={link(page - 1)}>Previous</Link>}
              <span className="text-slate-500">Page {page} of {pages}</span>
              {page < pages && <Link className="btn py-0.5" href={link(page + 1)}>Next</Link>}
            </div>
          )}
        </div>
      )}
    </>
  );
}
