import type { AmazonCaller } from "~/server/amazon/request";
import { settings } from "./settings";
import type { KitSteps } from "./steps";

/** Where a report stands, as either report API says it. */
export type ReportState =
  | { state: "pending" }
  /** `document`: what the load needs to find the file (an SP document id, or a sealed Ads URL). */
  | { state: "done"; document: string | null; at: string }
  /** Amazon's "nothing to report" (SP-API CANCELLED): an answer, not a failure. */
  | { state: "no_data" }
  | { state: "failed"; reason: string }
  /** Amazon no longer knows the id (404): ask again at once. */
  | { state: "lost" };

/** One report API (SP-API Reports, Ads reporting v3), as the shared poll loop needs it. */
export interface ReportApi<Request> {
  /** What the reports are, in the Sync center's words ("advertising", "FBA removal orders"). */
  label: string;
  create(caller: AmazonCaller, request: Request): Promise<string>;
  status(caller: AmazonCaller, reportId: string): Promise<ReportState>;
  /** After a failed report, how long Amazon refuses to generate it again (its regeneration limit). */
  cooldownSeconds(request: Request): number;
  /** How long a report may take before the run gives up (Amazon: "as long as three hours"). */
  maxWaitSeconds: number;
}

export interface FinishedReport<Request> {
  key: string;
  request: Request;
  reportId: string;
  state: Extract<ReportState, { state: "done" | "no_data" }>;
}

const MAX_POLL_SECONDS = 5 * 60;
/** A report that failed (or was lost) is asked for again at most this many times. */
export const MAX_RECREATIONS = 2;

/**
 * The one poll/backoff/recreate loop of both report APIs. Every report is created once (its id is a
 * memoized step, so a crash resumes polling it instead of asking for a duplicate), then all pending ones are
 * polled together after sleeps of 30 s growing ×1.5 to 5 minutes. A failed report is asked for again after
 * the API's regeneration limit, a lost one at once, each at most twice; then the run fails in plain words.
 */
export async function runReports<Request>(
  steps: KitSteps,
  api: ReportApi<Request>,
  name: string,
  requests: { key: string; request: Request }[],
  options: { onFinished?: (report: FinishedReport<Request>) => Promise<void> } = {},
): Promise<FinishedReport<Request>[]> {
  const current = new Map<string, string>();
  const finished = new Map<string, FinishedReport<Request>>();
  const finish = async (report: FinishedReport<Request>) => {
    finished.set(report.key, report);
    await options.onFinished?.(report);
  };
  // With a consumer of finished reports, the time createReport's quota makes the run wait is spent polling
  // the reports already asked for and handing over those done: Amazon's report delay is then paid once, not
  // once per burst of reports.
  let early = 0;
  const whileWaiting = options.onFinished
    ? async () => {
        const asked = requests.filter((r) => current.has(r.key) && !finished.has(r.key));
        if (!asked.length) return;
        const states = await steps.amazon(`${name}-poll-early-${early++}`, async (c) => {
          const out: Record<string, ReportState> = {};
          for (const r of asked) out[r.key] = await api.status(c, current.get(r.key)!);
          return out;
        });
        for (const r of asked) {
          const s = states[r.key]!;
          // Failures are left to the poll loop below, which asks again after the regeneration limit.
          if (s.state === "done" || s.state === "no_data") await finish({ key: r.key, request: r.request, reportId: current.get(r.key)!, state: s });
        }
      }
    : undefined;
  for (const r of requests) current.set(r.key, await steps.amazon(`${name}-create-${r.key}`, (c) => api.create(c, r.request), { whileWaiting }));
  const attempts = new Map<string, { failed: number; lost: number }>(requests.map((r) => [r.key, { failed: 0, lost: 0 }]));

  for (let round = 0; finished.size < requests.length; round++) {
    let pending = requests.filter((r) => !finished.has(r.key));
    const redo: { key: string; why: "failed" | "lost"; reason: string }[] = [];
    let waited = 0;
    let delay = settings().firstPollSeconds;
    for (let attempt = 0; pending.length; attempt++) {
      if (waited >= api.maxWaitSeconds)
        throw new Error(
          `Amazon did not finish the ${api.label} ${pending.length === 1 ? "report" : `${pending.length} reports`} within ${Math.round(api.maxWaitSeconds / 3600)} hours.`,
        );
      await steps.sleep(`${name}-wait-${round}-${attempt}`, delay);
      waited += Math.max(1, Math.round(delay));
      delay = Math.min(delay * 1.5, MAX_POLL_SECONDS);
      const ids = pending.map((r) => current.get(r.key)!);
      const states = await steps.amazon(`${name}-poll-${round}-${attempt}`, async (c) => {
        const out: Record<string, ReportState> = {};
        for (const id of ids) out[id] = await api.status(c, id);
        return out;
      });
      for (const r of pending) {
        const reportId = current.get(r.key)!;
        const s = states[reportId]!;
        if (s.state === "done" || s.state === "no_data") await finish({ key: r.key, request: r.request, reportId, state: s });
        else if (s.state === "failed" || s.state === "lost") redo.push({ key: r.key, why: s.state, reason: s.state === "failed" ? s.reason : "" });
      }
      pending = pending.filter((r) => !finished.has(r.key) && !redo.some((x) => x.key === r.key));
    }
    if (!redo.length) break;

    for (const r of redo) {
      const n = attempts.get(r.key)!;
      n[r.why] += 1;
      if (n[r.why] > MAX_RECREATIONS)
        throw new Error(
          r.why === "lost"
            ? `Amazon lost the ${api.label} report ${n.lost} times in a row; the sync will try again later.`
            : `Amazon failed to generate the ${api.label} report ${n.failed} times in a row${r.reason ? ` (${r.reason})` : ""}. ` +
                "This is a problem on Amazon's side; the sync will try again later.",
        );
    }
    // Asking again at once fails again: wait out the longest regeneration limit among the failed ones.
    const cooldown = Math.max(0, ...redo.filter((r) => r.why === "failed").map((r) => api.cooldownSeconds(requests.find((x) => x.key === r.key)!.request)));
    if (cooldown > 0) await steps.sleep(`${name}-cooldown-${round}`, cooldown);
    for (const r of redo) {
      const request = requests.find((x) => x.key === r.key)!.request;
      current.set(r.key, await steps.amazon(`${name}-recreate-${round}-${r.key}`, (c) => api.create(c, request)));
    }
  }
  return requests.map((r) => finished.get(r.key)!);
}
