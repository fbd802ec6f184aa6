import { expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

it("keeps same-site paths and refuses anything that leaves the site", () => {
  expect(safeRedirectPath("/invite/abc")).toBe("/invite/abc");
  expect(safeRedirectPath("//evil.example/x")).toBe("/");
  expect(safeRedirectPath("/\\evil.example")).toBe("/");
  expect(safeRedirectPath("https://evil.example")).toBe("/");
  expect(safeRedirectPath(null)).toBe("/");
});
