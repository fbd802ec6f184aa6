import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "~/db/testing";
import { copyLine, replaceDays, replaceScope, type CopyValue, type DailyTable } from "./replace-days";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.sql.unsafe(`create table replace_days_test (
    scope text not null, day date not null, k text not null, amount numeric(18, 4) not null, note text, at timestamptz not null,
    primary key (scope, day, k))`);
  await t.sql.unsafe(`create table replace_scope_test (scope text not null, k text not null, amount numeric(18, 4), at timestamptz not null, primary key (scope, k))`);
});
afterAll(async () => {
  await t?.drop();
});

const spec: DailyTable = {
  table: "replace_days_test",
  key: ["scope", "day", "k"],
  columns: ["scope", "day", "k", "amount", "note", "at"],
  scopeColumn: "scope",
  dayColumn: "day",
  bookkeeping: ["at"],
};
const june = { start: "2026-06-01", end: "2026-06-30" };
const at = () => new Date().toISOString();
const load = (scope: string, rows: CopyValue[][], window = june) => replaceDays(t.sql, spec, { scopeId: scope, ...window }, (push) => push(rows));
const stored = async (scope: string) =>
  (await t.sql`select to_char(day, 'YYYY-MM-DD') as day, k, amount::text, note from replace_days_test where scope = ${scope} order by day, k`).map(
    (r) => `${r.day}/${r.k}/${r.amount}/${r.note ?? "∅"}`,
  );

describe("replacing a window of days", () => {
  it("writes every row into an empty window, changes nothing the second time, then applies restatements", async () => {
    const rows = [
      ["a", "2026-06-01", "x", "1.10", "tab\there", at()],
      ["a", "2026-06-01", "y", "2", null, at()],
      ["a", "2026-06-02", "x", "-0.5", "back\\slash", at()],
    ];
    expect(await load("a", rows)).toEqual({ received: 3, changed: 3, removed: 0 });
    expect(await load("a", rows.map((r) => [...r.slice(0, 5), at()]))).toEqual({ received: 3, changed: 0, removed: 0 });
    expect(await stored("a")).toEqual(["2026-06-01/x/1.1000/tab\there", "2026-06-01/y/2.0000/∅", "2026-06-02/x/-0.5000/back\\slash"]);
    // One value restated, one row gone, one new: only those are written.
    const next = [rows[0]!, ["a", "2026-06-01", "y", "2.5", null, at()], ["a", "2026-06-03", "z", "3", "new", at()]];
    expect(await load("a", next)).toEqual({ received: 3, changed: 2, removed: 1 });
    expect(await stored("a")).toEqual(["2026-06-01/x/1.1000/tab\there", "2026-06-01/y/2.5000/∅", "2026-06-03/z/3.0000/new"]);
    // An empty report empties the window.
    expect(await load("a", [])).toEqual({ received: 0, changed: 0, removed: 3 });
  });

  it("keeps the last row of a key a report repeats, into an empty window and into a stored one", async () => {
    const twice = [
      ["b", "2026-06-01", "x", "1", "first", at()],
      ["b", "2026-06-01", "x", "2", "last", at()],
      ["b", "2026-06-02", "y", "5", null, at()],
    ];
    expect(await load("b", twice)).toEqual({ received: 3, changed: 2, removed: 0 });
    expect(await stored("b")).toEqual(["2026-06-01/x/2.0000/last", "2026-06-02/y/5.0000/∅"]);
    const again = [["b", "2026-06-01", "x", "3", "first", at()], ["b", "2026-06-01", "x", "4", "last", at()]];
    expect(await load("b", again)).toEqual({ received: 2, changed: 1, removed: 1 });
    expect(await stored("b")).toEqual(["2026-06-01/x/4.0000/last"]);
  });

  it("merges a row dated outside the window with the stored one instead of failing", async () => {
    await load("c", [["c", "2026-07-01", "x", "1", null, at()]], { start: "2026-07-01", end: "2026-07-01" });
    expect(await load("c", [["c", "2026-06-05", "y", "1", null, at()], ["c", "2026-07-01", "x", "9", null, at()]])).toEqual({ received: 2, changed: 2, removed: 0 });
    expect(await stored("c")).toEqual(["2026-06-05/y/1.0000/∅", "2026-07-01/x/9.0000/∅"]);
  });

  it("takes pre-encoded COPY text beside value arrays", async () => {
    const result = await replaceDays(t.sql, spec, { scopeId: "d", ...june }, async (push) => {
      await push.copyText(Buffer.from(`d\t2026-06-01\tx\t1.5\t\\N\t${at()}\nd\t2026-06-02\tx\t2\ta\\tb\t${at()}\n`), 2);
      await push([["d", "2026-06-03", "x", 3, null, at()]]);
    });
    expect(result).toEqual({ received: 3, changed: 3, removed: 0 });
    expect(await stored("d")).toEqual(["2026-06-01/x/1.5000/∅", "2026-06-02/x/2.0000/a\tb", "2026-06-03/x/3.0000/∅"]);
  });

  it("leaves the previous data as it was when the feed fails or PostgreSQL refuses a value", async () => {
    await load("e", [["e", "2026-06-01", "x", "1", null, at()]]);
    const failing = replaceDays(t.sql, spec, { scopeId: "e", ...june }, async (push) => {
      await push([["e", "2026-06-01", "x", "7", null, at()]]);
      throw new Error("the download broke");
    });
    await expect(failing).rejects.toThrow("the download broke");
    // A refused COPY must not leave the feed waiting for a drain that never comes.
    const big = Array.from({ length: 20_000 }, (_, i) => ["e", "2026-06-02", `k${i}`, i === 5 ? "lots" : "1", "x".repeat(200), at()]);
    await expect(replaceDays(t.sql, spec, { scopeId: "e", ...june }, async (push) => {
      for (let i = 0; i < big.length; i += 500) await push(big.slice(i, i + 500));
    })).rejects.toThrow(/invalid input syntax for type numeric/);
    // The same, with a feed slow enough for the refusal to arrive while it is still writing.
    await expect(replaceDays(t.sql, spec, { scopeId: "e", ...june }, async (push) => {
      for (let i = 0; i < big.length; i += 500) {
        await push(big.slice(i, i + 500));
        await new Promise((r) => setTimeout(r, 5));
      }
    })).rejects.toThrow(/invalid input syntax for type numeric/);
    expect(await stored("e")).toEqual(["2026-06-01/x/1.0000/∅"]);
  });

  it("runs two loads of one scope one after the other, so neither keeps the other's rows", async () => {
    const first = Array.from({ length: 2000 }, (_, i) => ["f", "2026-06-01", `one-${i}`, "1", null, at()]);
    const second = Array.from({ length: 2000 }, (_, i) => ["f", "2026-06-01", `two-${i}`, "2", null, at()]);
    await Promise.all([load("f", first), load("f", second)]);
    const keys = (await stored("f")).map((r) => r.split("/")[1]!.split("-")[0]);
    expect(new Set(keys).size).toBe(1);
    expect(keys).toHaveLength(2000);
  });

  it("writes COPY text lines: tabs between values, \\N for null, escapes in text", () => {
    expect(copyLine(["a", 1, null, "t\tn\nr\rb\\", ""])).toBe("a\t1\t\\N\tt\\tn\\nr\\rb\\\\\t\n");
  });
});

describe("replacing a whole scope (a snapshot table)", () => {
  const snapshot: DailyTable = { table: "replace_scope_test", key: ["scope", "k"], columns: ["scope", "k", "amount", "at"], scopeColumn: "scope", dayColumn: null, bookkeeping: ["at"] };
  const put = (scope: string, rows: CopyValue[][]) => replaceScope(t.sql, snapshot, scope, (push) => push(rows));
  const keys = async (scope: string) => (await t.sql`select k, amount::text from replace_scope_test where scope = ${scope} order by k`).map((r) => `${r.k}/${r.amount ?? "∅"}`);

  it("makes the scope's rows exactly the snapshot's, writing only what changed, and leaves other scopes alone", async () => {
    expect(await put("s", [["s", "a", "1", at()], ["s", "b", null, at()]])).toEqual({ received: 2, changed: 2, removed: 0 });
    expect(await put("t", [["t", "a", "7", at()]])).toEqual({ received: 1, changed: 1, removed: 0 });
    expect(await put("s", [["s", "a", "1", at()], ["s", "b", null, at()]])).toEqual({ received: 2, changed: 0, removed: 0 });
    // A listing gone, one changed, one new.
    expect(await put("s", [["s", "b", "2", at()], ["s", "c", "3", at()]])).toEqual({ received: 2, changed: 2, removed: 1 });
    expect(await keys("s")).toEqual(["b/2.0000", "c/3.0000"]);
    expect(await keys("t")).toEqual(["a/7.0000"]);
  });

  it("refuses the wrong kind of table either way", async () => {
    await expect(replaceScope(t.sql, spec, "s", async () => {})).rejects.toThrow(/replaced by day windows/);
    await expect(replaceDays(t.sql, snapshot, { scopeId: "s", ...june }, async () => {})).rejects.toThrow(/snapshot table/);
  });
});
