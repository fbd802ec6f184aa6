import { UserFacingError } from "~/server/accounts/errors";
import { AmazonApiError } from "~/server/amazon/api-error";
import { QuotaWaitError } from "~/server/amazon/request";

/**
 * Runs a button's Amazon work and words its failures for the seller: a busy quota says when to try again,
 * and Amazon's refusal says what Amazon said. Anything else stays an error of ours.
 */
export async function amazonFailure<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QuotaWaitError)
      throw new UserFacingError("bad_request", `Amazon's request quota for this profile is in use; try again in ${Math.ceil(error.waitMs / 1000)} s.`);
    if (error instanceof AmazonApiError) throw new UserFacingError("bad_request", `Amazon refused it: ${error.message}`);
    throw error;
  }
}
