import { expect, it } from "vitest";
import { readSearchParams } from "./search-params";

it("reads one string per named parameter, the first of a repeated one", () => {
  expect(readSearchParams({ error: ["a", "b"], connected: "ads", other: "x" }, ["error", "connected", "taken"])).toEqual({
    error: "a",
    connected: "ads",
  });
});

it("reads a parameter named like an Object.prototype member only when the URL has it", () => {
  expect(readSearchParams({}, ["constructor", "toString", "hasOwnProperty"])).toEqual({});
  expect(readSearchParams({ constructor: "x" }, ["constructor", "toString"])).toEqual({ constructor: "x" });
});
