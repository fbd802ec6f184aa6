import { AmazonApiError } from "~/server/amazon/api-error";
import { QuotaWaitError } from "~/server/amazon/request";
import { GrantNeedsReauthorizationError } from "~/server/amazon/tokens";

/** A sync failure in words a seller can act on (the Sync center shows it as is). */
export function describeSyncError(error: unknown): { message: string; paused: boolean } {
  if (error instanceof GrantNeedsReauthorizationError)
    return { message: "Amazon no longer accepts this authorization. Authorize again under Settings → Amazon authorizations; syncing resumes then.", paused: true };
  if (error instanceof QuotaWaitError) return { message: `Waiting for Amazon's request quota: ${error.message}`, paused: false };
  if (error instanceof AmazonApiError) {
    if (error.status === 429) return { message: "Amazon throttled our requests; the sync retries automatically.", paused: false };
    if (error.status >= 500) return { message: `Amazon had a temporary error (${error.status}); the sync retries automatically.`, paused: false };
    if (error.unauthorized) return { message: `Amazon refused access (${error.code}: ${error.detail}).`, paused: false };
    return { message: `Amazon refused the request (${error.code}: ${error.detail}).`, paused: false };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { message: text.length > 500 ? `${text.slice(0, 500)}…` : text, paused: false };
}
