"use client";

import { useState, type ReactNode } from "react";
import type { AdEntityKind } from "~/db/schema";
import { CreateResults } from "./create-results";
import { createOrFail, itemLabel, lines, MAX_ITEMS, rowsOf, type CreatedRow, type NewEntity } from "./model";
import { useCreate } from "./use-create";

/**
 * A creation form of a drill-down page: a textarea of one item per line, the form's own choices
 * (`children`), and per row what Amazon created or refused.
 */
export function AdditionForm(props: {
  adProfileId: string;
  title: string;
  linesLabel: string;
  placeholder: string;
  children?: ReactNode;
  /** The items for the lines typed, or what to correct first. */
  build: (lines: string[]) => { kind: AdEntityKind; items: NewEntity[] } | { error: string };
  detail?: (item: NewEntity) => string | undefined;
  onClose: () => void;
}) {
  const { create, pending, refresh } = useCreate(props.adProfileId);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<CreatedRow[] | null>(null);

  const submit = async () => {
    const built = props.build(lines(text));
    if ("error" in built) return setError(built.error);
    if (built.items.length > MAX_ITEMS) return setError(`At most ${MAX_ITEMS} at once.`);
    setError(null);
    const results = await createOrFail(create, built.kind, built.items, itemLabel);
    setRows(rowsOf(built.items, results, props.detail));
    // What was created leaves the box; what failed stays, to correct and send again.
    const failed = new Set(results.filter((r) => r.status === "failed").map((r) => itemLabel(built.items[r.index]!)));
    setText(lines(text).filter((line) => [...failed].some((f) => f.toLowerCase() === line.toLowerCase())).join("\n"));
    await refresh();
  };

  return (
    <form
      aria-label={props.title}
      className="card space-y-2 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{props.title}</h2>
      <label className="block">
        <span className="label">{props.linesLabel}</span>
        <textarea className="input h-24 max-w-xl" placeholder={props.placeholder} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {props.children}
      <div className="flex items-center gap-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Creating…" : "Create on Amazon"}
        </button>
        <button type="button" className="btn" onClick={props.onClose}>
          Close
        </button>
        {error && (
          <span role="alert" className="text-red-700">
            {error}
          </span>
        )}
      </div>
      {rows && (
        <div role="status" className="rounded border border-slate-200 bg-slate-50 p-2">
          <CreateResults title="Amazon's answer" rows={rows} />
        </div>
      )}
    </form>
  );
}
