"use client";

import type { CreatedRow } from "./model";

const OPEN_UP_TO = 10;

function ResultList({ rows }: { rows: CreatedRow[] }) {
  return (
    <ul className="pl-4 text-slate-700">
      {rows.map((r) => (
        <li key={r.result.index} data-testid="create-result" data-status={r.result.status}>
          <span className="font-medium">{r.label}</span>
          {r.detail && <span className="text-slate-500"> ({r.detail})</span>}
          {": "}
          {r.result.status === "created" ? <span className="text-emerald-800">created</span> : <span className="text-red-700">{r.result.message ?? "not created"}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Per row, what Amazon made of a creation: created (with its id) or failed (with Amazon's reason). */
export function CreateResults({ title, rows, skipped }: { title: string; rows: CreatedRow[]; skipped?: string }) {
  const created = rows.filter((r) => r.result.status === "created").length;
  const failed = rows.length - created;
  return (
    <div data-testid="create-results" data-created={created} data-failed={failed}>
      <div className="font-medium">
        {title}:{" "}
        {skipped ? (
          <span className="font-normal text-slate-600">{skipped}</span>
        ) : (
          <span className={failed ? "text-amber-800" : "text-emerald-800"}>
            {created} created
            {failed > 0 && ` · ${String(failed)} failed`}
          </span>
        )}
      </div>
      {failed > 0 && <ResultList rows={rows.filter((r) => r.result.status === "failed")} />}
      {created > 0 &&
        (created <= OPEN_UP_TO ? (
          <ResultList rows={rows.filter((r) => r.result.status === "created")} />
        ) : (
          // What failed needs the seller; a long list of what was created is there to check: folded.
          <details className="pl-4">
            <summary className="cursor-pointer text-slate-600">Show the {created} created</summary>
            <ResultList rows={rows.filter((r) => r.result.status === "created")} />
          </details>
        ))}
    </div>
  );
}
