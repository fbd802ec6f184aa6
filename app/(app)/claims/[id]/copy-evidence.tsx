"use client";

import { useState } from "react";

/** The evidence as plain text, and a button that puts it on the clipboard for a Seller Central case. */
export function CopyEvidence({ text }: { text: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <button
          type="button"
          className="btn"
          data-testid="copy-evidence"
          onClick={() => {
            navigator.clipboard.writeText(text).then(
              () => setState("copied"),
              () => setState("failed"),
            );
          }}
        >
          Copy evidence
        </button>
        <span role="status" className="text-xs text-slate-600">
          {state === "copied" ? "Copied: paste it into the case in Seller Central." : state === "failed" ? "The browser did not allow copying: select the text below instead." : ""}
        </span>
      </div>
      <textarea
        readOnly
        aria-label="Evidence as text"
        data-testid="evidence-text"
        className="input h-40 font-mono text-xs"
        value={text}
        onFocus={(e) => e.currentTarget.select()}
      />
    </div>
  );
}
