import type { AdTargetingPredicate } from "~/db/schema";

/** A targeting expression as Seller Central writes it: asin="B0…", category="123", close-match. */
export function expressionText(expression: AdTargetingPredicate[] | null | undefined): string {
  return (expression ?? [])
    .map((p) => {
      const type = p.type.toLowerCase().replace(/_/g, "-").replace(/-same-as$/, "");
      return p.value !== undefined ? `${type}="${p.value}"` : type;
    })
    .join(" ");
}

/** What an entity is called in lists and the history: its name, keyword, targeting or advertised SKU. */
export function entityLabel(e: {
  name: string | null;
  keywordText: string | null;
  expression: AdTargetingPredicate[] | null;
  sku: string | null;
  asin: string | null;
  entityId: string;
}): string {
  return e.name ?? e.keywordText ?? (e.expression?.length ? expressionText(e.expression) : null) ?? e.sku ?? e.asin ?? e.entityId;
}
