import { db } from "~/db/client";
import { auth } from "~/server/auth";
import { publishWithInngest } from "../inngest-publish";
import { completeAdsAuthorization } from "./ads";
import { AuthorizationError } from "./errors";
import { completeStoreAuthorization, type AuthorizationDeps } from "./store";
import { logUnexpectedError } from "~/server/http/unexpected-error";
import { setting } from "~/server/settings";

export interface CallbackDeps extends Pick<AuthorizationDeps, "db" | "publish"> {
  /** The signed-in user of the request (Auth.js's session), or null. */
  currentUserId(): Promise<string | null>;
}

const requestDeps: CallbackDeps = {
  db,
  publish: publishWithInngest,
  currentUserId: async () => (await auth())?.user?.id ?? null,
};

/**
 * Handles Amazon's redirect back to us: completes the authorization and sends the browser to the
 * authorizations page with the outcome (a code, never Amazon's own text or a token).
 */
export async function handleAmazonCallback(kind: "store" | "ads", request: Request, deps: CallbackDeps = requestDeps): Promise<Response> {
  const appOrigin = setting("APP_URL") ?? new URL(request.url).origin;
  const to = (params: Record<string, string>) =>
    Response.redirect(new URL(`/settings/amazon?${new URLSearchParams(params)}`, appOrigin), 303);

  const userId = await deps.currentUserId();
  const query = new URL(request.url).searchParams;
  if (!userId) {
    const back = `/api/amazon/${kind}/callback?${query}`;
    return Response.redirect(new URL(`/sign-in?callbackUrl=${encodeURIComponent(back)}`, appOrigin), 303);
  }
  try {
    if (kind === "store") {
      const result = await completeStoreAuthorization(deps, userId, query);
      return to({ connected: "store", store: result.storeId });
    }
    const result = await completeAdsAuthorization(deps, userId, query);
    return to({ connected: "ads", profiles: String(result.profileCount), taken: String(result.takenElsewhere.length) });
  } catch (error) {
    if (error instanceof AuthorizationError) return to({ error: error.reason });
    logUnexpectedError(`amazon ${kind} authorization`, error);
    return to({ error: "amazon_unavailable" });
  }
}
