/** Days in an average calendar month: a long backfill's progress reads better in months. */
const DAYS_PER_MONTH = 365.25 / 12;

/**
 * A backfill's progress in the unit a seller thinks in: days for the short ones (60 days of advertising),
 * whole months for those of a year or more ("7 of 12 months").
 */
export function backfillProgress(done: number, total: number): { done: number; total: number; unit: "days" | "months" } {
  if (total <= 92) return { done, total, unit: "days" };
  const months = Math.max(1, Math.round(total / DAYS_PER_MONTH));
  return { done: done >= total ? months : Math.min(months - 1, Math.floor(done / DAYS_PER_MONTH)), total: months, unit: "months" };
}
