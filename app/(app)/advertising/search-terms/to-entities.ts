import type { AdEntityKind } from "~/db/schema";
import type { RouterOutputs } from "~/app/_trpc/react";
import { isAsin } from "~/server/advertising/search-term-vocabulary";
import type { KeywordMatchType, NegativeMatchType, NewEntity } from "../create/model";

export type TermRow = RouterOutputs["advertising"]["searchTerms"]["rows"][number];

/** What the seller chose in "Add as keyword": the match types to create, and a bid (else the ad group's default). */
export interface AsKeyword {
  matchTypes: KeywordMatchType[];
  bid?: string;
}

/** What the seller chose in "Add as negative": exact or phrase, in the term's ad group or its whole campaign. */
export interface AsNegative {
  matchType: NegativeMatchType;
  level: "adGroup" | "campaign";
}

export interface Creation {
  kind: AdEntityKind;
  items: NewEntity[];
}

/** An ASIN customers searched for is targeted (or negated) as that product, as Seller Central does. */
const asinExpression = (term: string) => [{ type: "ASIN_SAME_AS", value: term.trim().toUpperCase() }];

/** An item to create, with the key that tells a repeat of it. */
interface Entry {
  kind: AdEntityKind;
  key: string;
  item: NewEntity;
}

/** One call per kind; an item asked twice (a term matched by two keywords of one ad group) is created once. */
function group(entries: Entry[]): Creation[] {
  const byKind = new Map<AdEntityKind, Map<string, NewEntity>>();
  for (const { kind, key, item } of entries) {
    const items = byKind.get(kind) ?? new Map<string, NewEntity>();
    if (!items.has(key)) items.set(key, item);
    byKind.set(kind, items);
  }
  return [...byKind].map(([kind, items]) => ({ kind, items: [...items.values()] }));
}

/** Only a term whose ad group is synced can get keywords or negatives there (the server checks its parents). */
export const actionable = (row: TermRow) => row.adGroupSynced;

/** The search terms as keywords of their own ad groups, in every match type chosen; an ASIN as a product target. */
export function asKeywords(rows: TermRow[], choice: AsKeyword): Creation[] {
  const bid = choice.bid ? { bid: choice.bid } : {};
  return group(
    rows.filter(actionable).flatMap((row): Entry[] => {
      const parent = { campaignId: row.campaignId, adGroupId: row.adGroupId };
      const text = row.searchTerm.trim().toLowerCase();
      if (isAsin(row.searchTerm)) return [{ kind: "target", key: `${row.adGroupId}:${text}`, item: { ...parent, expression: asinExpression(row.searchTerm), ...bid } }];
      return choice.matchTypes.map((matchType) => ({ kind: "keyword", key: `${row.adGroupId}:${text}:${matchType}`, item: { ...parent, keywordText: row.searchTerm.trim(), matchType, ...bid } }));
    }),
  );
}

/** The search terms as negatives of their ad groups or campaigns; an ASIN as a negative product target. */
export function asNegatives(rows: TermRow[], choice: AsNegative): Creation[] {
  const campaignLevel = choice.level === "campaign";
  return group(
    rows.filter(actionable).map((row): Entry => {
      const parent = campaignLevel ? { campaignId: row.campaignId } : { campaignId: row.campaignId, adGroupId: row.adGroupId };
      const where = campaignLevel ? row.campaignId : row.adGroupId;
      const text = row.searchTerm.trim().toLowerCase();
      if (isAsin(row.searchTerm))
        return { kind: campaignLevel ? "campaignNegativeTarget" : "negativeTarget", key: `${where}:${text}`, item: { ...parent, expression: asinExpression(row.searchTerm) } };
      return {
        kind: campaignLevel ? "campaignNegativeKeyword" : "negativeKeyword",
        key: `${where}:${text}:${choice.matchType}`,
        item: { ...parent, keywordText: row.searchTerm.trim(), matchType: choice.matchType },
      };
    }),
  );
}
