"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { api } from "~/app/_trpc/react";
import { ConflictDialog } from "./conflict-dialog";
import { entityKey, mergeResults, type EditResult, type EntityEdit } from "./model";

export interface EditSession {
  adProfileId: string;
  currency: string;
  /** Operators and above; a viewer sees plain values (and the server refuses them anyway). */
  canEdit: boolean;
  pending: boolean;
  /** Sends edits to Amazon at once; resolves when Amazon has answered (false when the call itself failed). */
  submit: (edits: EntityEdit[]) => Promise<boolean>;
  /** What the last edits came to, for the panel (`EditOutcome`) the table places above its rows. */
  outcome: Outcome | null;
  error: string | null;
  dismiss: () => void;
}

const Context = createContext<EditSession | null>(null);

export function useEdits(): EditSession {
  const session = useContext(Context);
  if (!session) throw new Error("useEdits is used outside an EditSessionProvider");
  return session;
}

export interface Outcome {
  results: EditResult[];
  /** What became of the conflicts: still to decide, kept as Amazon has them, or overwritten. */
  conflicts: "none" | "open" | "kept" | "overwritten";
}

/**
 * One table's edits: every inline and bulk edit goes through here, so one panel reports what Amazon applied,
 * refused or found unchanged, and one dialog asks what to do about values changed in Seller Central.
 */
export function EditSessionProvider(props: { adProfileId: string; currency: string; canEdit: boolean; children: ReactNode }) {
  const utils = api.useUtils();
  const mutation = api.advertising.editEntities.useMutation();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The edits held back by conflicts, to repeat with overwrite if the seller chooses so.
  const [heldBack, setHeldBack] = useState<EntityEdit[]>([]);

  // Amazon's live values were stored even for conflicts: every list (and the history) reads them again.
  const refresh = () => utils.advertising.invalidate();

  const send = async (edits: EntityEdit[], overwrite: boolean): Promise<EditResult[] | null> => {
    setError(null);
    try {
      return await mutation.mutateAsync({ adProfileId: props.adProfileId, edits, overwrite });
    } catch (e) {
      setError(e instanceof Error ? e.message : "The changes were not sent.");
      return null;
    }
  };

  const submit = async (edits: EntityEdit[]) => {
    const results = await send(edits, false);
    if (!results) return false;
    const conflicted = new Set(results.filter((r) => r.status === "conflict").map(entityKey));
    setHeldBack(edits.filter((e) => conflicted.has(entityKey(e))));
    setOutcome({ results, conflicts: conflicted.size ? "open" : "none" });
    await refresh();
    return true;
  };

  const keepAmazons = async () => {
    setHeldBack([]);
    setOutcome((o) => (o ? { ...o, conflicts: "kept" } : o));
    await refresh();
  };

  const overwrite = async () => {
    const edits = heldBack;
    setHeldBack([]);
    const results = await send(edits, true);
    if (results) setOutcome((o) => ({ results: mergeResults(o?.results ?? [], results), conflicts: "overwritten" }));
    await refresh();
  };

  const dismiss = () => {
    setOutcome(null);
    setError(null);
  };
  const { adProfileId, currency, canEdit } = props;
  const session: EditSession = { adProfileId, currency, canEdit, pending: mutation.isPending, submit, outcome, error, dismiss };
  return (
    <Context.Provider value={session}>
      {props.children}
      {outcome?.conflicts === "open" && heldBack.length > 0 && (
        <ConflictDialog results={outcome.results} currency={props.currency} pending={mutation.isPending} onKeep={() => void keepAmazons()} onOverwrite={() => void overwrite()} />
      )}
    </Context.Provider>
  );
}
