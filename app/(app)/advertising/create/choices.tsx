"use client";

import type { ReactNode } from "react";
import { MATCH_TYPE_LABELS } from "~/server/advertising/vocabulary";

/** Checkboxes of match types: a keyword is created once in each one ticked. */
export function MatchTypeChoices<T extends string>(props: { legend: string; options: readonly T[]; value: T[]; onChange: (value: T[]) => void }) {
  return (
    <fieldset className="flex flex-wrap items-center gap-3">
      <legend className="label">{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option} className="flex items-center gap-1.5">
          <input
            type="checkbox"
            checked={props.value.includes(option)}
            onChange={(e) => props.onChange(e.target.checked ? props.options.filter((o) => o === option || props.value.includes(o)) : props.value.filter((o) => o !== option))}
          />
          {MATCH_TYPE_LABELS[option] ?? option}
        </label>
      ))}
    </fieldset>
  );
}

/** A labelled field of the creation forms; its hint is outside the label, so the field's name stays the label's words. */
export function Field(props: { label: string; hint?: string; children: ReactNode; className?: string }) {
  return (
    <div className={props.className}>
      <label className="block">
        <span className="label">{props.label}</span>
        {props.children}
      </label>
      {props.hint && <span className="mt-0.5 block text-xs text-slate-500">{props.hint}</span>}
    </div>
  );
}
