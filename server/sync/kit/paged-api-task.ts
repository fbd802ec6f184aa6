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
  };
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
      const { batchSize, run } = task.followUp;
      for (let i = 0; i < followUp.length; i += batchSize) {
        const batch = followUp.slice(i, i + batchSize);
        const done = await steps.amazon(`follow-up-${i / batchSize}`, (caller) => run(caller, plan, batch));
        rowsWritten += done.written;
      }
    }
    return { rowsWritten, detail: { pages, followUps: followUp.length, ...(plan.resumeFrom ? { resumedFrom: plan.resumeFrom } : {}) }, ...(resumeFrom ? { resumeFrom } : {}) };
  };
}
