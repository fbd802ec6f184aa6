import { addAmounts, fromScaled, timesUnits, toScaled } from "./money";
import { periodCostOn, type UnitCost } from "./periods";

/*
 * FIFO by inbound batch: units sold consume the batches oldest received first, each unit at its batch's
 * cost. A pure function over exact decimals (bigint ten-thousandths), so profit can cost a period's sales
 * without a query per sale.
 */

export interface CostBatch {
  batch: string;
  /** YYYY-MM-DD. */
  receivedOn: string;
  units: number;
  currency: string;
  purchaseCost: string;
  inboundShippingCost: string;
  otherCost: string;
}

export interface Sale {
  units: number;
  /** The local day it was sold: only batches received by then can have supplied it, and it picks the period cost. */
  day: string;
}

/** Units of one sale that cost the same: from one batch, from the period cost, or of unknown cost. */
export interface SalePortion {
  source: "batch" | "period" | "missing";
  /** The batch's label (source "batch"), or the period's first day (source "period"). */
  from: string | null;
  units: number;
  currency: string | null;
  unitCost: string | null;
  cost: string | null;
}

export interface SaleCost {
  units: number;
  portions: SalePortion[];
  /** What the sale's units cost, per currency (one, unless batches and periods were entered in different ones). */
  costs: { currency: string; amount: string }[];
  /** Units no batch and no period costs. */
  missingUnits: number;
}

const unitTotal = (b: Pick<CostBatch, "purchaseCost" | "inboundShippingCost" | "otherCost">) => addAmounts(b.purchaseCost, b.inboundShippingCost, b.otherCost);

/**
 * Costs each sale, in the order given (oldest first), from the batches: each unit comes from the batch
 * received earliest (ties by label) that still has units and was received on or before the sale's day.
 * Units no such batch can supply take the SKU's period cost on that day (`periods`), or are missing.
 */
export function fifoUnitCosts(batches: readonly CostBatch[], sales: readonly Sale[], periods: readonly Omit<UnitCost, "total">[] = []): SaleCost[] {
  const queue = [...batches]
    .sort((a, b) => (a.receivedOn === b.receivedOn ? (a.batch < b.batch ? -1 : a.batch > b.batch ? 1 : 0) : a.receivedOn < b.receivedOn ? -1 : 1))
    .map((b) => ({ ...b, left: b.units, unitCost: unitTotal(b) }));
  return sales.map((sale) => {
    if (!Number.isInteger(sale.units) || sale.units < 0) throw new Error(`A sale's units are a whole number of 0 or more, not ${sale.units}.`);
    const portions: SalePortion[] = [];
    let wanted = sale.units;
    for (const b of queue) {
      if (wanted === 0 || b.receivedOn > sale.day) break;
      const take = Math.min(wanted, b.left);
      if (take === 0) continue;
      b.left -= take;
      wanted -= take;
      portions.push({ source: "batch", from: b.batch, units: take, currency: b.currency, unitCost: b.unitCost, cost: timesUnits(b.unitCost, take) });
    }
    if (wanted > 0) {
      const period = periodCostOn(periods, sale.day);
      portions.push(
        period
          ? { source: "period", from: period.validFrom, units: wanted, currency: period.currency, unitCost: period.total, cost: timesUnits(period.total, wanted) }
          : { source: "missing", from: null, units: wanted, currency: null, unitCost: null, cost: null },
      );
    }
    const byCurrency = new Map<string, bigint>();
    for (const p of portions) if (p.currency && p.cost) byCurrency.set(p.currency, (byCurrency.get(p.currency) ?? 0n) + toScaled(p.cost));
    return {
      units: sale.units,
      portions,
      costs: [...byCurrency].map(([currency, amount]) => ({ currency, amount: fromScaled(amount) })),
      missingUnits: portions.filter((p) => p.source === "missing").reduce((n, p) => n + p.units, 0),
    };
  });
}
