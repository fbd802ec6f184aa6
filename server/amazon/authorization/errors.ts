import { UserFacingError } from "~/server/accounts/errors";

/** Every way an authorization can fail, with what the seller should read. Codes travel in redirect URLs. */
export const AUTHORIZATION_ERRORS = {
  state_invalid: "This authorization link is not valid. Start again from Amazon authorizations.",
  state_expired: "The authorization took too long and expired. Start again.",
  state_used: "This authorization was already completed. Start again if you want to authorize once more.",
  wrong_user: "This authorization was started by another user. Start it yourself from Amazon authorizations.",
  missing_parameters: "Amazon sent the browser back without the expected parameters. Start again.",
  access_denied: "The authorization was cancelled on Amazon. Nothing was connected.",
  amazon_refused: "Amazon refused the authorization. Start again; if it keeps failing, check the application settings.",
  amazon_unavailable: "Amazon could not be reached to complete the authorization. Try again in a few minutes.",
  seller_mismatch:
    "Amazon did not confirm the seller account named in the authorization. Nothing was connected; start again from Amazon authorizations.",
  already_connected: "This Amazon seller account is already connected to another organization. Disconnect it there first.",
  forbidden: "Only owners and admins can authorize Amazon accounts.",
  not_configured: "Amazon is not configured on this server.",
  not_found: "No such store or ad profile in this organization.",
} as const;
export type AuthorizationErrorCode = keyof typeof AUTHORIZATION_ERRORS;

export class AuthorizationError extends UserFacingError {
  constructor(readonly reason: AuthorizationErrorCode) {
    super(reason === "not_found" || reason === "forbidden" ? reason : "bad_request", AUTHORIZATION_ERRORS[reason]);
  }
}

/** Codes arrive in URLs: an own-property check, so "__proto__" or "toString" is no code of ours. */
export function isAuthorizationErrorCode(value: unknown): value is AuthorizationErrorCode {
  return typeof value === "string" && Object.hasOwn(AUTHORIZATION_ERRORS, value);
}
