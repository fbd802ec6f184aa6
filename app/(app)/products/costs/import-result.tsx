"use client";

import { formatCount } from "~/app/_components/format";
import type { RouterOutputs } from "~/app/_trpc/react";

type Result = RouterOutputs["costs"]["importCsv"];

/** The problems list is long for a file gone wrong throughout: the first ones show, all of them download. */
const SHOWN = 200;

const rows = (n: number) => `${formatCount(n)} ${n === 1 ? "row" : "rows"}`;

function problemsCsv(problems: Extract<Result, { status: "refused" }>["problems"]): string {
  const cell = (v: string | number | null) => (v === null ? "" : /[",\r\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  return ["line,column,problem", ...problems.map((p) => [p.line, p.column, p.problem].map(cell).join(","))].join("\r\n") + "\r\n";
}

export function ImportResultPanel({ result, fileName }: { result: Result; fileName: string }) {
  if (result.status === "imported")
    return (
      <div className="rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-800" data-testid="import-result" data-status="imported">
        <b>{rows(result.rows)} imported</b> from {fileName}: {formatCount(result.changed)} new or changed, {formatCount(result.unchanged)} already as
        they were.
        {result.skipped > 0 && ` ${rows(result.skipped)} without a cost skipped.`}
        {result.ignoredColumns.length > 0 && ` Columns not read: ${result.ignoredColumns.join(", ")}.`}
      </div>
    );
  const download = `data:text/csv;charset=utf-8,${encodeURIComponent(problemsCsv(result.problems))}`;
  return (
    <div className="space-y-2 rounded border border-red-200 bg-red-50 px-3 py-2" data-testid="import-result" data-status="refused">
      <p className="text-red-800">
        <b>Nothing was imported.</b>{" "}
        {result.badRows > 0 ? `${rows(result.badRows)} of ${fileName} to fix` : `${fileName} cannot be imported as it is`}: fix the file and upload it
        again.
      </p>
      <table className="table bg-white" data-testid="import-problems">
        <thead>
          <tr>
            <th className="text-right">Line</th>
            <th>Column</th>
            <th>Problem</th>
          </tr>
        </thead>
        <tbody>
          {result.problems.slice(0, SHOWN).map((p, i) => (
            <tr key={i} data-testid="import-problem">
              <td className="text-right tabular-nums">{p.line ?? "—"}</td>
              <td className="font-mono text-xs">{p.column ?? "—"}</td>
              <td className="whitespace-normal">{p.problem}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.problems.length > SHOWN && (
        <p className="text-red-800">
          {formatCount(result.problems.length - SHOWN)} more problems.{" "}
          <a className="underline" href={download} download="cost-upload-problems.csv">
            Download every problem
          </a>
        </p>
      )}
    </div>
  );
}
