import type { AdEntityKind } from "~/db/schema";
import type { RouterInputs, RouterOutputs } from "~/app/_trpc/react";

/*
 * New entities as the seller lists them (one per line) and as the server creates them. Pure, so the forms
 * and the search terms' actions build the same items and the tests read them.
 */

export type NewEntity = RouterInputs["advertising"]["createEntities"]["items"][number];
export type CreateResult = RouterOutputs["advertising"]["createEntities"][number];
/** Creates entities of one kind on Amazon; the forms pass the tRPC mutation. */
export type CreateFn = (kind: AdEntityKind, items: NewEntity[]) => Promise<CreateResult[]>;

export const KEYWORD_MATCH_TYPES = ["EXACT", "PHRASE", "BROAD"] as const;
export type KeywordMatchType = (typeof KEYWORD_MATCH_TYPES)[number];
export const NEGATIVE_MATCH_TYPES = ["NEGATIVE_EXACT", "NEGATIVE_PHRASE"] as const;
export type NegativeMatchType = (typeof NEGATIVE_MATCH_TYPES)[number];

/** Amazon's limits on a keyword: 80 characters, 10 words (negatives: 4 words for phrase, 10 for exact). */
export const MAX_KEYWORD_LENGTH = 80;
const MAX_KEYWORD_WORDS = 10;
/** What one call creates at most (the server's limit). */
export const MAX_ITEMS = 1000;

/** The lines of a textarea: trimmed, inner spaces collapsed, blank lines dropped, repeats (in any letters) once. */
export function lines(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/\s+/g, " ");
    if (!line || seen.has(line.toLowerCase())) continue;
    seen.add(line.toLowerCase());
    out.push(line);
  }
  return out;
}

/** Why keywords cannot be sent as typed, or null: each line is one keyword within Amazon's limits. */
export function keywordProblem(keywords: string[]): string | null {
  if (!keywords.length) return "Enter at least one keyword, one per line.";
  const long = keywords.find((k) => k.length > MAX_KEYWORD_LENGTH || k.split(" ").length > MAX_KEYWORD_WORDS);
  if (long) return `"${long}" is longer than Amazon allows (${MAX_KEYWORD_LENGTH} characters, ${MAX_KEYWORD_WORDS} words).`;
  return null;
}

/** Why SKUs cannot be sent as typed, or null. */
export function skuProblem(skus: string[]): string | null {
  if (!skus.length) return "Enter at least one SKU, one per line.";
  const long = skus.find((s) => s.length > 40);
  return long ? `"${long}" is not a SKU (at most 40 characters).` : null;
}

/** Every keyword in every chosen match type, with the bid when one is given (else the ad group's default applies). */
export function keywordItems(parent: { campaignId: string; adGroupId: string }, keywords: string[], matchTypes: readonly KeywordMatchType[], bid?: string): NewEntity[] {
  return keywords.flatMap((keywordText) => matchTypes.map((matchType) => ({ ...parent, keywordText, matchType, ...(bid ? { bid } : {}) })));
}

export function productAdItems(parent: { campaignId: string; adGroupId: string }, skus: string[]): NewEntity[] {
  return skus.map((sku) => ({ ...parent, sku }));
}

/** Negative keywords of an ad group, or of the whole campaign. */
export function negativeKeywordItems(
  level: "adGroup" | "campaign",
  parent: { campaignId: string; adGroupId: string },
  keywords: string[],
  matchTypes: readonly NegativeMatchType[],
): { kind: AdEntityKind; items: NewEntity[] } {
  const base = level === "campaign" ? { campaignId: parent.campaignId } : parent;
  return {
    kind: level === "campaign" ? "campaignNegativeKeyword" : "negativeKeyword",
    items: keywords.flatMap((keywordText) => matchTypes.map((matchType) => ({ ...base, keywordText, matchType }))),
  };
}

/** A created or failed item beside what the seller asked for (a keyword's match type tells two rows apart). */
export interface CreatedRow {
  label: string;
  detail?: string;
  result: CreateResult;
}

/** The results of a call beside its items, in the items' order. */
export function rowsOf(items: NewEntity[], results: CreateResult[], detail: (item: NewEntity) => string | undefined = () => undefined): CreatedRow[] {
  return results.map((result) => {
    const item = items[result.index];
    return { label: result.label, detail: item ? detail(item) : undefined, result };
  });
}

/** A call that failed as a whole (refused, or Amazon unreachable): every item failed with its message. */
export function failedAll(items: NewEntity[], message: string, label: (item: NewEntity) => string): CreateResult[] {
  return items.map((item, index) => ({ index, label: label(item), status: "failed" as const, message }));
}

/** Creates and, when the call fails as a whole, answers every item failed with the reason instead of throwing. */
export async function createOrFail(create: CreateFn, kind: AdEntityKind, items: NewEntity[], label: (item: NewEntity) => string): Promise<CreateResult[]> {
  try {
    return await create(kind, items);
  } catch (e) {
    return failedAll(items, e instanceof Error ? e.message : "Not created.", label);
  }
}

export const itemLabel = (item: NewEntity) => item.name ?? item.keywordText ?? item.sku ?? item.expression?.map((p) => p.value ?? p.type).join(" ") ?? "new entity";
