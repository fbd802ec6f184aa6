/** A failure the user can act on; its message is safe to show. */
export class UserFacingError extends Error {
  override name = "UserFacingError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
