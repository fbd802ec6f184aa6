import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterEach, expect, it, vi } from "vitest";
import { describeForLog, logUnexpectedError } from "./unexpected-error";

afterEach(() => vi.restoreAllMocks());

const failedQuery = () => {
  const cause = Object.assign(new Error('relation "missing" does not exist'), { name: "PostgresError", code: "42P01" });
  return new DrizzleQueryError('select * from "missing" where "token" = $1', ["Atzr|secret-refresh-token"], cause);
};

it("names a failed query by its SQL and its cause, never by its parameters", () => {
  const text = describeForLog(failedQuery());
  expect(text).toBe(
    'DrizzleQueryError: Failed query: select * from "missing" where "token" = $1\n  caused by PostgresError [42P01]: relation "missing" does not exist',
  );
});

it("logs once, with where it happened and the stack frames but not the stack's message line", () => {
  const log = vi.spyOn(console, "error").mockImplementation(() => {});
  logUnexpectedError("trpc query advertising.campaigns", failedQuery());
  expect(log).toHaveBeenCalledTimes(1);
  const line = String(log.mock.calls[0]![0]);
  expect(line).toMatch(/^\[trpc query advertising\.campaigns\] unexpected error: DrizzleQueryError/);
  expect(line).toMatch(/\n\s+at /);
  expect(line).not.toContain("secret-refresh-token");
});

it("describes whatever was thrown", () => {
  expect(describeForLog("just a string")).toBe("thrown: string");
  expect(describeForLog(new TypeError("x", { cause: new Error("y") }))).toBe("TypeError: x\n  caused by Error: y");
});
