"use client";

import { useState } from "react";
import { FormError } from "~/app/_components/form-error";
import { api, type RouterOutputs } from "~/app/_trpc/react";

type Detail = RouterOutputs["claims"]["detail"];

const VIEWER_HINT = "Viewers see the case; an operator, admin or owner records its submission.";

/**
 * "Mark submitted" once the seller has filed the case in Seller Central (Amazon's case id and the day, today
 * in the marketplace unless changed), or "Undo submission" while it waits for Amazon's answer.
 */
export function SubmissionForm({ detail, canOperate }: { detail: Detail; canOperate: boolean }) {
  const utils = api.useUtils();
  const [amazonCaseId, setAmazonCaseId] = useState("");
  const [submittedOn, setSubmittedOn] = useState(detail.today);
  const [error, setError] = useState<string>();
  const done = () => {
    setError(undefined);
    void utils.claims.invalidate();
  };
  const submit = api.claims.submit.useMutation({ onError: (e) => setError(e.message), onSuccess: done });
  const withdraw = api.claims.withdraw.useMutation({ onError: (e) => setError(e.message), onSuccess: done });

  if (detail.status === "submitted")
    return (
      <section className="card space-y-2 p-3" data-testid="claim-submission">
        <h2>Submitted</h2>
        <p className="text-slate-700">
          Filed on {detail.submittedOn} as Amazon case <b className="font-mono">{detail.amazonCaseId}</b>
          {detail.submittedBy ? ` (recorded by ${detail.submittedBy})` : ""}, attempt {detail.submissions}. Without Amazon&apos;s answer it lapses on{" "}
          {detail.lapsesOn} and can be filed again.
        </p>
        <FormError message={error} />
        <button
          type="button"
          className="btn"
          data-testid="undo-submission"
          disabled={!canOperate || withdraw.isPending}
          title={canOperate ? "It was recorded by mistake: the case goes back to where it stood" : VIEWER_HINT}
          onClick={() => withdraw.mutate({ caseId: detail.id })}
        >
          Undo submission
        </button>
        {!canOperate && <p className="text-xs text-slate-500">{VIEWER_HINT}</p>}
      </section>
    );

  if (!detail.canSubmit) return null;

  return (
    <section className="card space-y-2 p-3" data-testid="claim-submission">
      <h2>{detail.status === "lapsed" ? "File it again" : "Mark submitted"}</h2>
      <p className="text-slate-600">
        {detail.status === "lapsed"
          ? `Amazon did not answer case ${detail.amazonCaseId ?? ""} filed on ${detail.submittedOn ?? ""} within 30 days. Open a new case in Seller Central (the evidence names the old one), then record it here.`
          : "Open a case in Seller Central with the evidence above, then record Amazon's case id here."}
      </p>
      <FormError message={error} />
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          submit.mutate({ caseId: detail.id, amazonCaseId, submittedOn });
        }}
      >
        <label className="grid gap-1">
          <span className="label">Amazon case id</span>
          <input
            className="input w-44 font-mono"
            inputMode="numeric"
            placeholder="e.g. 12345678901"
            value={amazonCaseId}
            disabled={!canOperate}
            onChange={(e) => setAmazonCaseId(e.target.value)}
          />
        </label>
        <label className="grid gap-1">
          <span className="label">Date filed ({detail.marketplace} time)</span>
          <input className="input w-40" type="date" min={detail.eventDay} max={detail.today} value={submittedOn} disabled={!canOperate} onChange={(e) => setSubmittedOn(e.target.value)} />
        </label>
        <button className="btn-primary" type="submit" data-testid="mark-submitted" disabled={!canOperate || submit.isPending || !amazonCaseId.trim()} title={canOperate ? undefined : VIEWER_HINT}>
          Mark submitted
        </button>
      </form>
      {!canOperate && <p className="text-xs text-slate-500">{VIEWER_HINT}</p>}
    </section>
  );
}
