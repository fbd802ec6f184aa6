import type { Database } from "~/db/client";
import { completeRun, planRun } from "~/server/sync/kit/plan";
import { KitSteps } from "~/server/sync/kit/steps";
import { syncTask } from "~/server/sync/registry";

/*
 * Test and benchmark support for the product-details tasks: a run of a task in this process, its steps done
 * in place and its sleeps real, counting the requests it sends to each Amazon operation.
 */

/** The SP-API operation a request URL names (the catalog and listings ones by their paths), or null for any other. */
export function detailOperationOf(url: string): string | null {
  const path = new URL(url).pathname;
  if (/^\/catalog\/2022-04-01\/items\/?$/.test(path)) return "searchCatalogItems";
  if (/^\/catalog\/2022-04-01\/items\/[^/]+$/.test(path)) return "getCatalogItem";
  if (/^\/listings\/2021-08-01\/items\/[^/]+\/?$/.test(path)) return "searchListingsItems";
  if (/^\/listings\/2021-08-01\/items\/[^/]+\/[^/]+$/.test(path)) return "getListingsItem";
  return null;
}

export async function runCountingCalls(db: Database, taskKey: string, request: { organizationId: string; scopeId: string; window: string }) {
  const task = syncTask(taskKey);
  const planned = await planRun(db, task, { ...request, trigger: "manual" }, { now: new Date() });
  if (!("plan" in planned)) throw new Error(planned.skipped);
  const calls: Record<string, number> = {};
  const watching: typeof fetch = async (input, init) => {
    const operation = detailOperationOf(input instanceof Request ? input.url : String(input));
    if (operation) calls[operation] = (calls[operation] ?? 0) + 1;
    return fetch(input, init);
  };
  const steps = new KitSteps(
    { run: async (_id, fn) => fn(), sleep: async (_id, duration) => new Promise((r) => setTimeout(r, Number.parseInt(duration, 10) * 1000)) },
    db,
    planned.plan.scope,
    watching,
  );
  const result = await task.run!({ plan: planned.plan, steps });
  await completeRun(db, task, planned.plan, { ...result, apiCalls: steps.apiCalls }, new Date());
  return { result, calls, apiCalls: steps.apiCalls };
}
