"use client";

import Link from "next/link";
import { formatCount, formatMoney, formatPercent, ratioPercent } from "~/app/_components/format";

export interface PerformanceRow {
  id: string;
  name: string;
  href?: string;
  detail?: string;
  impressions: string;
  clicks: string;
  cost: string;
  sales: string;
  orders: string;
  acos: string | null;
}

const sum = (rows: PerformanceRow[], key: "impressions" | "clicks" | "orders") =>
  rows.reduce((n, r) => n + BigInt(r[key] || "0"), 0n).toString();

/** Adds decimal strings exactly (fixed 4 places, as stored), without floats. */
function sumMoney(rows: PerformanceRow[], key: "cost" | "sales"): string {
  const scaled = rows.reduce((n, r) => {
    const [whole = "0", frac = ""] = (r[key] || "0").split(".");
    const negative = whole.startsWith("-");
    const units = BigInt(whole.replace("-", "")) * 10000n + BigInt((frac + "0000").slice(0, 4));
    return n + (negative ? -units : units);
  }, 0n);
  const abs = scaled < 0n ? -scaled : scaled;
  return `${scaled < 0n ? "-" : ""}${abs / 10000n}.${(abs % 10000n).toString().padStart(4, "0")}`;
}

function acosOf(cost: string, sales: string): string | null {
  const c = Number(cost);
  const s = Number(sales);
  return s > 0 ? ((c * 100) / s).toFixed(2) : null;
}

export function PerformanceTable({ rows, currency, nameLabel, testId }: { rows: PerformanceRow[]; currency: string; nameLabel: string; testId: string }) {
  const total = { impressions: sum(rows, "impressions"), clicks: sum(rows, "clicks"), orders: sum(rows, "orders"), cost: sumMoney(rows, "cost"), sales: sumMoney(rows, "sales") };
  return (
    <div className="card overflow-x-auto">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th>{nameLabel}</th>
            <th className="text-right">Impressions</th>
            <th className="text-right">Clicks</th>
            <th className="text-right">CTR</th>
            <th className="text-right">Spend</th>
            <th className="text-right">Sales (7d)</th>
            <th className="text-right">Orders</th>
            <th className="text-right">ACOS</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="performance-row">
              <td className="max-w-md truncate">
                {r.href ? (
                  <Link className="font-medium text-brand-600 hover:underline" href={r.href}>
                    {r.name}
                  </Link>
                ) : (
                  <span className="font-medium">{r.name}</span>
                )}
                {r.detail && <span className="ml-1.5 text-xs text-slate-500">{r.detail}</span>}
              </td>
              <td className="text-right tabular-nums">{formatCount(r.impressions)}</td>
              <td className="text-right tabular-nums">{formatCount(r.clicks)}</td>
              <td className="text-right tabular-nums">{ratioPercent(r.clicks, r.impressions)}</td>
              <td className="text-right tabular-nums">{formatMoney(r.cost, currency)}</td>
              <td className="text-right tabular-nums">{formatMoney(r.sales, currency)}</td>
              <td className="text-right tabular-nums">{formatCount(r.orders)}</td>
              <td className="text-right tabular-nums">{formatPercent(r.acos)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="bg-slate-50 font-semibold" data-testid="performance-total">
            <td className="px-3 py-1.5">Total ({rows.length})</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{formatCount(total.impressions)}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{formatCount(total.clicks)}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{ratioPercent(total.clicks, total.impressions)}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{formatMoney(total.cost, currency)}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{formatMoney(total.sales, currency)}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{formatCount(total.orders)}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{formatPercent(acosOf(total.cost, total.sales))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
