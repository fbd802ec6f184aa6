import { expect, it } from "vitest";
import { AUTHORIZATION_ERRORS, isAuthorizationErrorCode } from "./errors";

it("knows its own codes", () => {
  for (const code of Object.keys(AUTHORIZATION_ERRORS)) expect(isAuthorizationErrorCode(code)).toBe(true);
});

it("takes nothing inherited from Object.prototype, nor anything that is not one string, for a code", () => {
  for (const value of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "", "STATE_INVALID", ["state_invalid"], 1, null, undefined])
    expect(isAuthorizationErrorCode(value), String(value)).toBe(false);
});
