/**
 * A test that fails on purpose. `.ci/run` runs it through the project's vitest config (global setup and
 * all) before the suite and refuses to go on unless vitest exits non-zero: proof, on every CI run, that
 * a failing test fails the run. It sits outside the suite's include pattern, so `npm test` never runs it.
 */
import { expect, it } from "vitest";

it("fails on purpose, so the test gate can be seen to close", () => {
  expect(1).toBe(2);
});
