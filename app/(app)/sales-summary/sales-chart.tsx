"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "~/app/_components/format";

export interface ChartDay {
  day: string;
  amazonSales: string | null;
  oursSales: string | null;
}

/**
 * Sales per local day in the base currency: Amazon's figure and ours. The values are exact decimals; the
 * chart only draws them (a float is fine for a pixel), labels show the decimals themselves.
 */
export function SalesChart({ days, currency }: { days: ChartDay[]; currency: string }) {
  const data = days.map((d) => ({
    day: d.day,
    amazon: d.amazonSales === null ? null : Number(d.amazonSales),
    ours: d.oursSales === null ? null : Number(d.oursSales),
    amazonText: d.amazonSales,
    oursText: d.oursSales,
  }));
  const compact = new Intl.NumberFormat("en", { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
  return (
    <div className="card p-3" data-testid="summary-chart" role="img" aria-label={`Sales per day in ${currency}: Amazon's figures and your orders`}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} tickFormatter={(d: string) => d.slice(5)} minTickGap={24} />
          <YAxis tick={{ fontSize: 11 }} tickFormatter={(v: number) => compact.format(v)} width={64} />
          <Tooltip
            formatter={(_value, name, item) => {
              const text = (item.payload as { amazonText: string | null; oursText: string | null })[name === "Amazon (Sales API)" ? "amazonText" : "oursText"];
              return [formatMoney(text, currency), name];
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line type="monotone" dataKey="amazon" name="Amazon (Sales API)" stroke="#f59e0b" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="ours" name="Your orders" stroke="#2563eb" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
