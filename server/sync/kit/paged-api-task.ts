import type { Database } from "~/db/client";
import type { AmazonCaller } from "~/server/amazon/request";
import type { RunResult, TaskRunContext } from "./definition";
import type { RunPlan } from "./plan";

type PageResult = { nextToken: string | null; written: number; followUp: string[]; resumeFrom?: string };

export interface PagedApiTask {
  /** Names its steps ("<name>-page-0"…), so one run can list more than one thing; default "page-0"… */
  name?: string;
  /**
   * Fetches one page and stores it; returns the ids a follow-up must complete (e.g. order items) and, on
   * the first page, where the next run resumes (e.g. the instant Amazon's listing reached).
   */
  page(caller: AmazonCaller, plan: RunPlan, nextToken: string | null): Promise<PageResult>;
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
  /**
   * A listing that becomes the data only whole (a snapshot such as FBA inventory): pages stage what they
   * read, and `complete` makes the staged listing the data at once after the last page. When Amazon refuses
   * a page token as expired (FBA inventory's live 30 seconds: a durable quota sleep, a retried step or a
   * restarted executor can outlast one), the listing starts over from its first page — staged rows cleared
   * by `begin` — at most `maxRestarts` times, so nothing is lost and nothing is counted twice.
   */
  whole?: {
    /** Clears what an earlier attempt (or a run that died) staged; returns when this attempt started (ISO). */
    begin(db: Database, plan: RunPlan): Promise<string>;
    /** Makes the staged listing the data, in one transaction; `startedAt` is the complete attempt's start. */
    complete(db: Database, plan: RunPlan, startedAt: string): Promise<{ written: number; noData?: boolean; detail?: Record<string, unknown> }>;
    isExpiredToken(error: unknown): boolean;
    maxRestarts: number;
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
    const whole = task.whole;
    let rowsWritten = 0;
    let nextToken: string | null = null;
    const followUp: string[] = [];
    const named = new Set<string>();
    let pages = 0;
    let restarts = 0;
    let resumeFrom: string | undefined;
    let startedAt = whole ? await steps.run("begin-0", () => whole.begin(steps.db, plan)) : "";
    for (;;) {
      const token: string | null = nextToken;
      const page = await steps.amazon(`${task.name ? `${task.name}-` : ""}page-${pages}`, async (caller): Promise<PageResult | { expired: true }> => {
        try {
          return await task.page(caller, plan, token);
        } catch (error) {
          if (whole?.isExpiredToken(error)) return { expired: true };
          throw error;
        }
      });
      pages += 1;
      if ("expired" in page) {
        restarts += 1;
        if (restarts > whole!.maxRestarts)
          throw new Error(`Amazon's page tokens expired ${restarts} times before the listing was done; nothing of it was stored, and the next run lists again.`);
        startedAt = await steps.run(`begin-${restarts}`, () => whole!.begin(steps.db, plan));
        nextToken = null;
        continue;
      }
      if (token === null) resumeFrom = page.resumeFrom;
      rowsWritten += page.written;
      // (An id named twice — a page's and a pending one — is completed once.)
      for (const id of page.followUp) {
        if (named.has(id)) continue;
        named.add(id);
        followUp.push(id);
      }
      nextToken = page.nextToken;
      if (!nextToken) break;
    }
    let detail: Record<string, unknown> = {};
    let noData = false;
    if (whole) {
      const done = await steps.run("complete", () => whole.complete(steps.db, plan, startedAt));
      rowsWritten += done.written;
      noData = Boolean(done.noData);
      detail = { ...done.detail, ...(restarts ? { restarts } : {}) };
    }
    if (task.followUp) {
      const { batchSize, run, kindOf } = task.followUp;
      for (const [n, batch] of followUpBatches(followUp, batchSize, kindOf).entries()) {
        const done = await steps.amazon(`follow-up-${n}`, (caller) => run(caller, plan, batch));
        rowsWritten += done.written;
      }
    }
    return {
      rowsWritten,
      ...(noData ? { noData } : {}),
      detail: { pages, followUps: followUp.length, ...detail, ...(plan.resumeFrom ? { resumedFrom: plan.resumeFrom } : {}) },
      ...(resumeFrom ? { resumeFrom } : {}),
    };
  };
}
