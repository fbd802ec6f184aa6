import { resolveActiveMembership } from "~/server/organizations/membership";
import type { Context } from "~/server/trpc/init";
import { csvHeader, csvLine } from "./csv";
import { urlShapeOf } from "./definition";
import { daysOf, listFilters } from "./input";
import { listRows } from "./query";
import { listOf } from "./registry";
import { listUrlKeys, listUrlValues } from "./url";

const plain = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * A list's CSV export: exactly the rows its filters select (the page's own query), streamed in batches
 * so memory stays flat, for the caller's active organization only — the organization comes from the
 * session's membership, never from the URL.
 */
export async function exportList(ctx: Context, listKey: string, query: URLSearchParams): Promise<Response> {
  if (!ctx.userId) return plain(401, "Sign in to export.");
  const membership = await resolveActiveMembership(ctx.db, ctx.userId, ctx.requestedOrganizationId);
  if (!membership) return plain(403, "You are not a member of any organization.");
  // The page's own URL parameters, read as the page reads them (the export link carries them). An unknown
  // list has no filters of its own; the parse below refuses it.
  const known = listOf(listKey);
  const shape = known ? urlShapeOf(known) : { hasDay: true, filters: [] };
  const url = Object.fromEntries(listUrlKeys(shape).map((key) => [key, query.get(key) ?? undefined]));
  const parsed = listFilters.safeParse({ ...listUrlValues(url, shape), list: listKey });
  if (!parsed.success) return plain(400, `The export was not accepted: ${parsed.error.issues.map((i) => `${i.path.join(".") || "list"}: ${i.message}`).join("; ")}`);
  const list = listOf(parsed.data.list)!;
  const filters = { ...parsed.data, days: daysOf(parsed.data) };
  const rows = listRows(ctx.db, list, membership.organizationId, filters);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte-order mark, so spreadsheet programs read the UTF-8 (product names, Japanese) correctly.
      controller.enqueue(encoder.encode(`\uFEFF${csvHeader(list)}`));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((row) => csvLine(list, row)).join("")));
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${list.key}-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
