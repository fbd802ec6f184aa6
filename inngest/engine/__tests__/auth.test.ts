import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { generateEventKey, generateSigningKey } from "~/inngest/embedded";
import { hashSigningKey } from "../auth";
import { HandlerTransport } from "../handler-transport";
import { startExecutor } from "../http-transport";
import { listen } from "../node-http";

/*
 * The executor's own port, probed as anyone on the machine (or a web page in a browser) could: every
 * route needs the keys the app holds, browsers are refused, and a registration cannot redirect calls.
 */

const keys = { signingKey: generateSigningKey(), eventKey: generateEventKey() };
const bearer = { authorization: `Bearer ${hashSigningKey(keys.signingKey)}` };
let db: TestDatabase;
let app: Awaited<ReturnType<typeof listen>>;
let executor: Awaited<ReturnType<typeof startExecutor>>;
let intruder: Awaited<ReturnType<typeof listen>>;
const intruderCalls: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const client = new Inngest({ id: "guarded", isDev: false, signingKey: keys.signingKey, eventKey: keys.eventKey, logger: { info() {}, warn() {}, error() {}, debug() {} } });
  const hello = client.createFunction({ id: "hello", triggers: [{ event: "guarded/hello" }] }, async ({ event }) => ({ hi: event.data.name }));
  app = await listen(new HandlerTransport(serve({ client, functions: [hello] })).fetch, { port: 0 });
  intruder = await listen(async (request) => {
    intruderCalls.push(request.url);
    return Response.json("owned");
  }, { port: 0 });
  executor = await startExecutor({ databaseUrl: db.url, appUrl: app.url, port: 0, keys, log: () => {}, syncIntervalMs: 60_000 });
});
afterAll(async () => {
  await executor?.stop();
  await app?.close();
  await intruder?.close();
  await db?.drop();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${executor.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

async function runsOf(functionId: string) {
  return db.sql<{ status: string; output: unknown }[]>`select status, output from executor_runs where function_id = ${functionId}`;
}

describe("the executor's port", () => {
  it("takes events only with the event key", async () => {
    const wrong = await post("/e/guess", { name: "guarded/hello", data: { name: "x" } });
    expect(wrong.status).toBe(401);
    const none = await post("/e/", { name: "guarded/hello", data: { name: "x" } });
    expect(none.status).toBe(401);
    expect(await db.sql`select 1 from executor_events`).toHaveLength(0);

    const right = await post(`/e/${keys.eventKey}`, { name: "guarded/hello", data: { name: "Ada" } });
    expect(right.status).toBe(200);
    await expect.poll(async () => (await runsOf("guarded-hello"))[0]?.status, { timeout: 20_000 }).toBe("completed");
  });

  it("refuses a browser page, even one that knows the keys", async () => {
    const asPage = await fetch(`${executor.url}/e/${keys.eventKey}`, {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "http://evil.example" },
      body: JSON.stringify({ name: "guarded/hello", data: {} }),
    });
    expect(asPage.status).toBe(403);
    const navigated = await fetch(`${executor.url}/runs`, { headers: { ...bearer, "sec-fetch-site": "cross-site", "sec-fetch-dest": "document" } });
    expect(navigated.status).toBe(403);
  });

  it("lists runs only for the signing key, and says no more than 'alive' without it", async () => {
    expect((await fetch(`${executor.url}/runs`)).status).toBe(401);
    expect((await fetch(`${executor.url}/runs`, { headers: { authorization: "Bearer signkey-embedded-00" } })).status).toBe(401);
    const listed = await fetch(`${executor.url}/runs`, { headers: bearer });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { runs: unknown[] }).runs.length).toBeGreaterThan(0);

    expect(await (await fetch(`${executor.url}/health`)).json()).toEqual({ ok: true });
    expect(await (await fetch(`${executor.url}/health`, { headers: bearer })).json()).toEqual({ ok: true, functions: ["guarded-hello"] });
  });

  it("refuses an unsigned registration, and a signed one cannot send calls elsewhere", async () => {
    const evil = [{ id: "guarded-hello", name: "hello", triggers: [{ event: "guarded/hello" }], steps: { step: { id: "step", name: "step", runtime: { type: "http", url: `${intruder.url}/?fnId=guarded-hello&stepId=step` } } } }];
    expect((await post("/fn/register", { appName: "guarded", url: intruder.url, functions: evil })).status).toBe(401);

    // Even the holder of the key (the app itself) cannot point calls at another origin.
    expect((await post("/fn/register", { appName: "guarded", url: intruder.url, functions: evil }, bearer)).status).toBe(200);
    await post(`/e/${keys.eventKey}`, { name: "guarded/hello", data: { name: "Bob" } });
    await expect.poll(async () => (await runsOf("guarded-hello")).filter((r) => r.status === "completed").length, { timeout: 20_000 }).toBe(2);
    expect((await runsOf("guarded-hello")).map((r) => r.output)).toContainEqual({ hi: "Bob" });
    expect(intruderCalls).toEqual([]);
  });

  it("refuses a body over its limit without reading it all", async () => {
    const huge = "x".repeat(17 * 2 ** 20);
    const res = await fetch(`${executor.url}/e/${keys.eventKey}`, { method: "POST", body: huge }).catch((error: unknown) => error);
    // Node may see the connection closed before the answer is read; either way nothing was taken.
    if (res instanceof Response) expect(res.status).toBe(413);
    expect(await db.sql`select 1 from executor_events where payload::text like '%xxxx%'`).toHaveLength(0);
  });
});
