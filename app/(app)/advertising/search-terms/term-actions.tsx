"use client";

import { useState } from "react";
import { labelOf, MATCH_TYPE_LABELS } from "~/server/advertising/vocabulary";
import { Field, MatchTypeChoices } from "../create/choices";
import { CreateResults } from "../create/create-results";
import { createOrFail, itemLabel, KEYWORD_MATCH_TYPES, NEGATIVE_MATCH_TYPES, rowsOf, type CreatedRow, type KeywordMatchType, type NegativeMatchType } from "../create/model";
import { useCreate } from "../create/use-create";
import { parseAmount } from "../edits/model";
import { actionable, asKeywords, asNegatives, type Creation, type TermRow } from "./to-entities";

export type TermAction = "keyword" | "negative";

const plural = (n: number, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

/**
 * "Add as keyword" (to the term's own ad group, in the match types chosen, with a bid or the ad group's
 * default) and "Add as negative" (exact or phrase, in the ad group or the whole campaign) for one search
 * term or the selected ones, created on Amazon at once, with per row what Amazon created or refused.
 */
export function TermActionPanel(props: { action: TermAction; rows: TermRow[]; adProfileId: string; currency: string; onClose: () => void }) {
  const { create, refresh } = useCreate(props.adProfileId);
  const [matchTypes, setMatchTypes] = useState<KeywordMatchType[]>(["EXACT"]);
  const [bid, setBid] = useState("");
  const [negativeType, setNegativeType] = useState<NegativeMatchType>("NEGATIVE_EXACT");
  const [level, setLevel] = useState<"adGroup" | "campaign">("adGroup");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [results, setResults] = useState<CreatedRow[] | null>(null);
  const rows = props.rows.filter(actionable);
  const left = props.rows.length - rows.length;
  const automatic = rows.filter((r) => r.targetingType === "AUTO").length;
  const title = props.action === "keyword" ? "Add as keyword" : "Add as negative";
  const terms = rows.length === 1 ? `"${rows[0]!.searchTerm}"` : plural(rows.length, "search term", "search terms");

  const creations = (): Creation[] | { error: string } => {
    if (props.action === "negative") return asNegatives(rows, { matchType: negativeType, level });
    if (!matchTypes.length) return { error: "Tick at least one match type." };
    if (!bid.trim()) return asKeywords(rows, { matchTypes });
    const amount = parseAmount(bid);
    return "error" in amount ? { error: `Bid: ${amount.error}` } : asKeywords(rows, { matchTypes, bid: amount.amount });
  };
  const submit = async () => {
    const planned = creations();
    if ("error" in planned) return setError(planned.error);
    setError(null);
    setPending(true);
    try {
      const done: CreatedRow[] = [];
      // One call per kind (keywords, and product targets for ASINs), in turn.
      for (const { kind, items } of planned) {
        const answer = await createOrFail(create, kind, items, itemLabel);
        done.push(...rowsOf(items, answer, (item) => labelOf(MATCH_TYPE_LABELS, item.matchType) ?? (item.expression ? "product" : undefined)));
      }
      setResults(done);
      await refresh();
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      role="dialog"
      aria-label={title}
      className="card space-y-2 border-brand-100 bg-brand-50 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>
        {title}: {terms}
      </h2>
      {rows.length === 0 ? (
        <p>The ad groups of these search terms are not synced yet: Bulk Actions → Synchronize Amazon Additions on the Campaigns tab brings them.</p>
      ) : props.action === "keyword" ? (
        <>
          <p className="text-slate-600">Each search term becomes a keyword of the ad group it was found in; an ASIN becomes a product target.</p>
          {automatic > 0 && (
            <p className="text-amber-800">
              {plural(automatic, "term comes", "terms come")} from an automatic campaign, whose ad groups take no keywords: Amazon will refuse {automatic === 1 ? "it" : "them"}.
            </p>
          )}
          <MatchTypeChoices legend="Match types" options={KEYWORD_MATCH_TYPES} value={matchTypes} onChange={setMatchTypes} />
          <Field label={`Bid (${props.currency})`} hint="Empty: the ad group's default bid.">
            <input className="input w-32" inputMode="decimal" value={bid} onChange={(e) => setBid(e.target.value)} />
          </Field>
        </>
      ) : (
        <>
          <p className="text-slate-600">Ads stop showing for these searches; an ASIN becomes a negative product target.</p>
          <fieldset className="flex items-center gap-3">
            <legend className="label">Match type</legend>
            {NEGATIVE_MATCH_TYPES.map((m) => (
              <label key={m} className="flex items-center gap-1.5">
                <input type="radio" name="negative-match" checked={negativeType === m} onChange={() => setNegativeType(m)} />
                {MATCH_TYPE_LABELS[m]}
              </label>
            ))}
          </fieldset>
          <fieldset className="flex items-center gap-3">
            <legend className="label">Level</legend>
            <label className="flex items-center gap-1.5">
              <input type="radio" name="negative-level" checked={level === "adGroup"} onChange={() => setLevel("adGroup")} />
              Ad group
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" name="negative-level" checked={level === "campaign"} onChange={() => setLevel("campaign")} />
              Campaign
            </label>
          </fieldset>
        </>
      )}
      {left > 0 && rows.length > 0 && <p className="text-xs text-slate-600">{plural(left, "term of an unsynced ad group is", "terms of unsynced ad groups are")} left out.</p>}
      <div className="flex items-center gap-2">
        {rows.length > 0 && !results && (
          <button type="submit" className="btn-primary" disabled={pending}>
            {pending ? "Creating…" : "Create on Amazon"}
          </button>
        )}
        <button type="button" className="btn" onClick={props.onClose}>
          {results ? "Close" : "Cancel"}
        </button>
        {error && (
          <span role="alert" className="text-red-700">
            {error}
          </span>
        )}
      </div>
      {results && (
        <div role="status" className="rounded border border-slate-200 bg-white p-2">
          <CreateResults title="Amazon's answer" rows={results} />
        </div>
      )}
    </form>
  );
}
