"use client";

import { useState } from "react";
import { labelOf, MATCH_TYPE_LABELS } from "~/server/advertising/vocabulary";
import { parseAmount } from "../edits/model";
import { AdditionForm } from "./addition-form";
import { Field, MatchTypeChoices } from "./choices";
import {
  KEYWORD_MATCH_TYPES,
  keywordItems,
  keywordProblem,
  NEGATIVE_MATCH_TYPES,
  negativeKeywordItems,
  productAdItems,
  skuProblem,
  type KeywordMatchType,
  type NegativeMatchType,
} from "./model";

type Form = "keywords" | "productAds" | "negatives";
const matchLabel = (item: { matchType?: string }) => labelOf(MATCH_TYPE_LABELS, item.matchType) ?? undefined;

/**
 * An ad group's page: Add keywords (one per line, in the match types ticked, with a bid or the ad group's
 * default), Add product ads (SKUs) and Add negative keywords (of the ad group or its whole campaign). An
 * automatic campaign's ad group takes no keywords: Amazon says so per row.
 */
export function AdGroupAdditions(props: { adProfileId: string; campaignId: string; adGroupId: string; currency: string }) {
  const [open, setOpen] = useState<Form | null>(null);
  const parent = { campaignId: props.campaignId, adGroupId: props.adGroupId };
  const [matchTypes, setMatchTypes] = useState<KeywordMatchType[]>(["EXACT"]);
  const [bid, setBid] = useState("");
  const [negativeTypes, setNegativeTypes] = useState<NegativeMatchType[]>(["NEGATIVE_EXACT"]);
  const [level, setLevel] = useState<"adGroup" | "campaign">("adGroup");
  const close = () => setOpen(null);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn" aria-pressed={open === "keywords"} onClick={() => setOpen("keywords")}>
          Add keywords
        </button>
        <button type="button" className="btn" aria-pressed={open === "productAds"} onClick={() => setOpen("productAds")}>
          Add product ads
        </button>
        <button type="button" className="btn" aria-pressed={open === "negatives"} onClick={() => setOpen("negatives")}>
          Add negative keywords
        </button>
      </div>
      {open === "keywords" && (
        <AdditionForm
          adProfileId={props.adProfileId}
          title="Add keywords"
          linesLabel="Keywords, one per line"
          placeholder={"steel kettle\nkettle 1.7 l"}
          detail={matchLabel}
          onClose={close}
          build={(keywords) => {
            const problem = keywordProblem(keywords);
            if (problem) return { error: problem };
            if (!matchTypes.length) return { error: "Tick at least one match type." };
            const amount = bid.trim() ? parseAmount(bid) : null;
            if (amount && "error" in amount) return { error: `Bid: ${amount.error}` };
            return { kind: "keyword", items: keywordItems(parent, keywords, matchTypes, amount?.amount) };
          }}
        >
          <MatchTypeChoices legend="Match types" options={KEYWORD_MATCH_TYPES} value={matchTypes} onChange={setMatchTypes} />
          <Field label={`Bid (${props.currency})`} hint="Empty: the ad group's default bid.">
            <input className="input w-32" inputMode="decimal" value={bid} onChange={(e) => setBid(e.target.value)} />
          </Field>
        </AdditionForm>
      )}
      {open === "productAds" && (
        <AdditionForm
          adProfileId={props.adProfileId}
          title="Add product ads"
          linesLabel="SKUs to advertise, one per line"
          placeholder="KET-STEEL-17"
          onClose={close}
          build={(skus) => {
            const problem = skuProblem(skus);
            return problem ? { error: problem } : { kind: "productAd", items: productAdItems(parent, skus) };
          }}
        />
      )}
      {open === "negatives" && (
        <AdditionForm
          adProfileId={props.adProfileId}
          title="Add negative keywords"
          linesLabel="Negative keywords, one per line"
          placeholder={"free\ncheap"}
          detail={matchLabel}
          onClose={close}
          build={(keywords) => {
            const problem = keywordProblem(keywords);
            if (problem) return { error: problem };
            if (!negativeTypes.length) return { error: "Tick at least one match type." };
            return negativeKeywordItems(level, parent, keywords, negativeTypes);
          }}
        >
          <MatchTypeChoices legend="Match types" options={NEGATIVE_MATCH_TYPES} value={negativeTypes} onChange={setNegativeTypes} />
          <fieldset className="flex items-center gap-3">
            <legend className="label">Level</legend>
            <label className="flex items-center gap-1.5">
              <input type="radio" name="negative-level" checked={level === "adGroup"} onChange={() => setLevel("adGroup")} />
              This ad group
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" name="negative-level" checked={level === "campaign"} onChange={() => setLevel("campaign")} />
              The whole campaign
            </label>
          </fieldset>
        </AdditionForm>
      )}
    </div>
  );
}
