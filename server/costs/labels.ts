import type { OtherCostCategory } from "~/db/schema/costs";

/*
 * Words the costs pages show, in a module of their own: client components import it without pulling the
 * schema or the database client into the browser.
 */

/** A store cost's category in the seller's words, in the order the pages list them. */
export const OTHER_COST_LABELS: Record<OtherCostCategory, string> = {
  subscription: "Subscription",
  deals: "Deals",
  vine: "Vine",
  services: "Services",
  other: "Other",
};

export const OTHER_COST_KEYS = Object.keys(OTHER_COST_LABELS) as OtherCostCategory[];
