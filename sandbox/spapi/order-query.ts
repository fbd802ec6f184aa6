import type { Ctx } from "../http/types";
import { spError } from "../http/types";
import { MINUTE } from "../util/time";
import type { Marketplace } from "../world/marketplaces";
import type { Order, OrderStatus } from "../world/orders";
import { lastUpdateAt, orderStatusAt } from "../world/orders";
import type { Seller } from "../world/sellers";

export interface OrderFilter {
  mode: "created" | "updated" | "ids";
  after: number;
  before: number;
  statuses?: OrderStatus[];
  channels?: Array<"AFN" | "MFN">;
  ids?: string[];
}

/** Shared rules of getOrders/searchOrders: one of created/updated, bounds ≥ 2 min before now. */
export function resolveWindow(ctx: Ctx, createdAfter?: number, createdBefore?: number, updatedAfter?: number, updatedBefore?: number, names = ["CreatedAfter", "LastUpdatedAfter"]): { mode: "created" | "updated"; after: number; before: number } {
  const now = ctx.sb.clock.now();
  const latest = now - 2 * MINUTE;
  const [ca, ua] = names;
  if ((createdAfter === undefined) === (updatedAfter === undefined)) {
    throw spError(400, "InvalidInput", `Exactly one of ${ca} and ${ua} must be specified.`);
  }
  if ((createdAfter !== undefined && updatedBefore !== undefined) || (updatedAfter !== undefined && createdBefore !== undefined)) {
    throw spError(400, "InvalidInput", "Created and LastUpdated date filters are mutually exclusive.");
  }
  const mode = createdAfter !== undefined ? "created" : "updated";
  const after = (createdAfter ?? updatedAfter) as number;
  const before = createdBefore ?? updatedBefore ?? latest;
  if (before > latest) throw spError(400, "InvalidInput", "Before date must be no later than 2 minutes before the time the request was submitted.");
  if (after > latest) throw spError(400, "InvalidInput", "After date must be no later than 2 minutes before the time the request was submitted.");
  if (after >= before) throw spError(400, "InvalidInput", "After date must be earlier than the before date.");
  return { mode, after, before };
}

/** All matching orders, sorted by the mode's timestamp then id (stable pages). */
export function queryOrders(ctx: Ctx, seller: Seller, mps: Marketplace[], f: OrderFilter): Order[] {
  const now = ctx.sb.clock.now();
  const out: Array<{ o: Order; k: number }> = [];
  for (const mp of mps) {
    const gen = f.mode === "created"
      ? ctx.sb.world.ordersPurchasedBetween(seller, mp, f.after, f.before)
      : f.mode === "updated" ? ctx.sb.world.ordersTouchable(seller, mp, f.after, f.before)
      : undefined;
    if (!gen) continue;
    for (const o of gen) {
      if (o.purchaseMs > now) continue;
      const lu = lastUpdateAt(o, now);
      if (f.mode === "updated" && (lu < f.after || lu >= f.before)) continue;
      if (f.statuses && !f.statuses.includes(orderStatusAt(o, now))) continue;
      if (f.channels && !f.channels.includes(o.channel)) continue;
      out.push({ o, k: f.mode === "created" ? o.purchaseMs : lu });
    }
  }
  if (f.mode === "ids" && f.ids) {
    for (const id of f.ids) {
      const o = ctx.sb.world.findOrder(seller, id, now);
      if (o && mps.some((m) => m.id === o.marketplace.id)) out.push({ o, k: o.purchaseMs });
    }
  }
  out.sort((a, b) => a.k - b.k || (a.o.amazonOrderId < b.o.amazonOrderId ? -1 : 1));
  return out.map((x) => x.o);
}
