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

/** A header says what its cells hold when it differs from the page: local times, and a picture's URL. */
const csvLabel = (c: ListDefinition["columns"][number]) => (c.kind === "instant" ? `${c.label} (local)` : c.kind === "image" ? `${c.label} URL` : c.label);

export function csvHeader(list: ListDefinition): string {
  const labels = [list.scope.kind === "store" ? "Store" : "Marketplace", ...list.columns.map(csvLabel), ...(list.currency ? ["Currency"] : [])];
  return labels.map(csvCell).join(",") + "\r\n";
}

/** Instants in the row's marketplace time, as the page shows them; everything else (a picture's URL too) exactly as stored. */
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
