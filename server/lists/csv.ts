import { DateTime } from "luxon";
import type { ListDefinition } from "./definition";
import type { ListRow } from "./query";

/**
 * RFC 4180 quoting, and a leading apostrophe for text a spreadsheet would run as a formula (=, +, -, @):
 * an Amazon product name is data, never a command.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvHeader(list: ListDefinition): string {
  const labels = [list.scope.kind === "store" ? "Store" : "Marketplace", ...list.columns.map((c) => (c.kind === "instant" ? `${c.label} (local)` : c.label)), ...(list.currency ? ["Currency"] : [])];
  return labels.map(csvCell).join(",") + "\r\n";
}

/** Instants in the row's marketplace time, as the page shows them; everything else exactly as stored. */
export function csvLine(list: ListDefinition, row: ListRow): string {
  const cells = [
    row.marketplace ?? null,
    ...list.columns.map((c) => {
      const v = row[c.key] ?? null;
      if (c.kind === "instant" && typeof v === "string")
        return DateTime.fromISO(v, { zone: "utc" }).setZone(String(row.timeZone)).toFormat("yyyy-MM-dd HH:mm");
      return v;
    }),
    ...(list.currency ? [row.currency ?? null] : []),
  ];
  return cells.map(csvCell).join(",") + "\r\n";
}
