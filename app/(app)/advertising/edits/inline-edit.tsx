"use client";

import { useState, type ReactNode } from "react";
import { useEdits } from "./edit-session";
import type { EntityEdit } from "./model";

/** A pencil that says "this value can be changed" without adding text to the cell. */
export function PencilIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="inline h-3 w-3 shrink-0 text-slate-400 group-hover:text-brand-600">
      <path fill="currentColor" d="M11.7 1.3a1 1 0 0 1 1.4 0l1.6 1.6a1 1 0 0 1 0 1.4l-8.5 8.5-3.4.9.9-3.4 8-8Z" />
    </svg>
  );
}

/**
 * A value edited in place: shown as it is, a click opens a small form (Enter saves, Escape cancels), and
 * the value goes to Amazon at once. `parse` turns the text into the edit or says what is wrong with it.
 */
export function InlineEdit(props: {
  /** What the cell shows. */
  display: ReactNode;
  /** The text the form starts with. */
  initial: string;
  /** Names the field and the entity, for the input and the button ("Bid of steel kettle"). */
  label: string;
  inputMode?: "decimal" | "numeric" | "text";
  width?: string;
  parse: (text: string) => { edit: EntityEdit } | { error: string };
}) {
  const { submit, pending } = useEdits();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);

  if (!editing)
    return (
      <button
        type="button"
        className="group inline-flex items-center gap-1 rounded px-0.5 hover:bg-brand-50"
        aria-label={`Edit ${props.label.charAt(0).toLowerCase()}${props.label.slice(1)}`}
        title="Click to change"
        onClick={() => {
          setText(props.initial);
          setError(null);
          setEditing(true);
        }}
      >
        {props.display}
        <PencilIcon />
      </button>
    );

  const save = async () => {
    const parsed = props.parse(text);
    if ("error" in parsed) return setError(parsed.error);
    // The form closes once Amazon has answered; the panel above the table says what it answered.
    if (await submit([parsed.edit])) setEditing(false);
  };
  return (
    <form
      className="inline-flex items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") setEditing(false);
      }}
    >
      <input
        aria-label={props.label}
        // The one field of a form the seller just opened.
        autoFocus
        inputMode={props.inputMode ?? "text"}
        className={`input py-0.5 ${props.width ?? "w-24"}`}
        value={text}
        aria-invalid={error !== null}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="btn-primary py-0.5" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
      <button type="button" className="btn py-0.5" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {error && (
        <span role="alert" className="text-xs whitespace-normal text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}
