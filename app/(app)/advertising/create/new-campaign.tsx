"use client";

import { useState } from "react";
import { BIDDING_STRATEGY_LABELS, labelOf, MATCH_TYPE_LABELS } from "~/server/advertising/vocabulary";
import { launchCampaign, planOf, type LaunchForm, type LaunchStep, type StepKey } from "./campaign-launch";
import { Field, MatchTypeChoices } from "./choices";
import { CreateResults } from "./create-results";
import { KEYWORD_MATCH_TYPES, rowsOf } from "./model";
import { useCreate } from "./use-create";

const EMPTY: LaunchForm = {
  name: "",
  targetingType: "MANUAL",
  budget: "",
  biddingStrategy: "LEGACY_FOR_SALES",
  withAdGroup: true,
  adGroupName: "",
  defaultBid: "",
  skus: "",
  keywords: "",
  matchTypes: ["EXACT"],
  keywordBid: "",
};

const STEP_TITLES: Record<StepKey, string> = { campaign: "Campaign", adGroup: "Ad group", productAds: "Product ads", keywords: "Keywords" };
const STRATEGIES = ["LEGACY_FOR_SALES", "AUTO_FOR_SALES", "MANUAL"] as const;

/**
 * Campaigns tab → New campaign: a Sponsored Products campaign (name, targeting, daily budget, bidding
 * strategy) and, optionally, its first ad group with the SKUs to advertise and keywords — created in that
 * order, each step's results shown as Amazon answers.
 */
export function NewCampaign({ adProfileId, currency }: { adProfileId: string; currency: string }) {
  const { create, refresh } = useCreate(adProfileId);
  // The launch is several calls in turn: running from the first to the last.
  const [pending, setPending] = useState(false);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [steps, setSteps] = useState<LaunchStep[]>([]);
  const set = <K extends keyof LaunchForm>(key: K) => (value: LaunchForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: "name" | "budget" | "adGroupName" | "defaultBid" | "skus" | "keywords" | "keywordBid") => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value),
  });

  if (!open)
    return (
      <button type="button" className="btn-primary" onClick={() => setOpen(true)}>
        New campaign
      </button>
    );

  const submit = async () => {
    const plan = planOf(form);
    if ("error" in plan) return setError(plan.error);
    setError(null);
    setSteps([]);
    setPending(true);
    try {
      await launchCampaign(plan, create, setSteps);
      await refresh();
    } finally {
      setPending(false);
    }
  };
  const done = steps.length > 0 && !pending;
  return (
    <form
      aria-label="New campaign"
      className="card space-y-3 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>New Sponsored Products campaign</h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Field label="Campaign name">
          <input className="input" {...text("name")} />
        </Field>
        <Field label="Targeting">
          <select className="input" value={form.targetingType} onChange={(e) => set("targetingType")(e.target.value === "AUTO" ? "AUTO" : "MANUAL")}>
            <option value="MANUAL">Manual targeting</option>
            <option value="AUTO">Automatic targeting</option>
          </select>
        </Field>
        <Field label={`Daily budget (${currency})`}>
          <input className="input" inputMode="decimal" placeholder="10.00" {...text("budget")} />
        </Field>
        <Field label="Bidding strategy">
          <select className="input" value={form.biddingStrategy} onChange={(e) => set("biddingStrategy")(STRATEGIES.find((s) => s === e.target.value) ?? "LEGACY_FOR_SALES")}>
            {STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {BIDDING_STRATEGY_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <label className="flex items-center gap-1.5">
        <input type="checkbox" checked={form.withAdGroup} onChange={(e) => set("withAdGroup")(e.target.checked)} />
        Also create its first ad group
      </label>
      {form.withAdGroup && (
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Field label="Ad group name">
            <input className="input" {...text("adGroupName")} />
          </Field>
          <Field label={`Default bid (${currency})`}>
            <input className="input" inputMode="decimal" placeholder="0.75" {...text("defaultBid")} />
          </Field>
          <Field label="SKUs to advertise" hint="One per line." className="col-span-2">
            <textarea className="input h-20" {...text("skus")} />
          </Field>
          {form.targetingType === "MANUAL" && (
            <>
              <Field label="Keywords" hint="One per line; each is created in every match type ticked." className="col-span-2">
                <textarea className="input h-20" {...text("keywords")} />
              </Field>
              <MatchTypeChoices legend="Match types" options={KEYWORD_MATCH_TYPES} value={form.matchTypes} onChange={set("matchTypes")} />
              <Field label={`Keyword bid (${currency})`} hint="Empty: the ad group's default bid.">
                <input className="input" inputMode="decimal" {...text("keywordBid")} />
              </Field>
            </>
          )}
        </div>
      )}
      <div className="flex items-center gap-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Creating…" : "Create on Amazon"}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setOpen(false);
            setSteps([]);
            if (done) setForm(EMPTY);
          }}
        >
          {done ? "Close" : "Cancel"}
        </button>
        {error && (
          <span role="alert" className="text-red-700">
            {error}
          </span>
        )}
      </div>
      {steps.length > 0 && (
        <div className="space-y-2 rounded border border-slate-200 bg-slate-50 p-2" role="status" aria-label="What Amazon created">
          {steps.map((s) => (
            <CreateResults key={s.step} title={STEP_TITLES[s.step]} rows={rowsOf(s.items, s.results, (item) => labelOf(MATCH_TYPE_LABELS, item.matchType) ?? undefined)} skipped={s.skipped} />
          ))}
        </div>
      )}
    </form>
  );
}
