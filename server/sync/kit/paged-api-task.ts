import type { AmazonCaller } from "~/server/amazon/request";
import type { RunResult, TaskRunContext } from "./definition";
import type { RunPlan } from "./plan";

export interface PagedApiTask {
  /**
   * Fetches one page and stores it; returns the ids a follow-up must complete (e.g. order items) and, on
   * the first page, where the next run resumes (e.g. the instant Amazon's listing reached).
   */
  page(caller: AmazonCaller, plan: RunPlan, nextToken: string | null): Promise<{ nextToken: string | null; written: number; followUp: string[]; resumeFrom?: string }>;
  /** Completes a batch of what the pages named (one step per batch, so a crash loses at most one). */
  followUp?: {
    batchSize: number;
    run(caller: AmazonCaller, plan: RunPlan, ids: string[]): Promise<{ written: number }>;
    /**
     * The kind of an id, when a follow-up completes several (catalog items and listings): a batch holds
     * one kind only, and kinds take their batches in turn, so one kind's calls fill another's quota waits.
     */
    kindOf?(id: string): string;
  };
}

/** The follow-up's batches: in the order named, one kind per batch, kinds in turn. */
export function followUpBatches(ids: string[], batchSize: number, kindOf?: (id: string) => string): string[][] {
  const kinds = new Map<string, string[][]>();
  for (const id of ids) {
    const kind = kindOf?.(id) ?? "";
    const batches = kinds.get(kind) ?? [];
    if (!kinds.has(kind)) kinds.set(kind, batches);
    const last = batches.at(-1);
    if (last && last.length < batchSize) last.push(id);
    else batches.push([id]);
  }
  const out: string[][] = [];
  const queues = [...kinds.values()];
  for (let i = 0; queues.some((q) => i < q.length); i++) for (const q of queues) if (i < q.length) out.push(q[i]!);
  return out;
}

/**
 * The run of a paged-API task: every page a memoized step (a crash resumes at the next page), then the
 * follow-ups in batches. Page tokens and ids travel in step results, never in memory across steps.
 */
export function pagedApiRun(task: PagedApiTask) {
  return async ({ plan, steps }: TaskRunContext): Promise<RunResult> => {
    let rowsWritten = 0;
    let nextToken: string | null = null;
    const followUp: string[] = [];
    const named = new Set<string>();
    let pages = 0;
    let resumeFrom: string | undefined;
    do {
      const token: string | null = nextToken;
      const page: Awaited<ReturnType<PagedApiTask["page"]>> = await steps.amazon(`page-${pages}`, (caller) => task.page(caller, plan, token));
      if (pages === 0) resumeFrom = page.resumeFrom;
      pages += 1;
      rowsWritten += page.written;
      // (An id named twice — a page's and a pending one — is completed once.)
      for (const id of page.followUp) {
        if (named.has(id)) continue;
        named.add(id);
        followUp.push(id);
      }
      nextToken = page.nextToken;
    } while (nextToken);
    if (task.followUp) {
      const { batchSize, run, kindOf } = task.followUp;
      for (const [n, batch] of followUpBatches(followUp, batchSize, kindOf).entries()) {
        const done = await steps.amazon(`follow-up-${n}`, (caller) => run(caller, plan, batch));
        rowsWritten += done.written;
      }
    }
    return { rowsWritten, detail: { pages, followUps: followUp.length, ...(plan.resumeFrom ? { resumedFrom: plan.resumeFrom } : {}) }, ...(resumeFrom ? { resumeFrom } : {}) };
  };
}
