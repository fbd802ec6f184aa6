import "server-only";
import { getToken } from "next-auth/jwt";
import { db, type Database } from "~/db/client";
import { isSessionCurrent } from "~/server/accounts/sessions";
import { setting } from "~/server/settings";
import type { Context } from "./init";

export const ACTIVE_ORGANIZATION_COOKIE = "active_org";

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/**
 * Builds the tRPC context of one request from its session and cookies. The session token is only read
 * here, never re-issued: a response that refreshed it could revive a session that a concurrent sign-out
 * had just ended. A token only counts while it carries its user's current session version, so one
 * that sign-out, a password change or a removal has revoked is anonymous here.
 */
export async function createRequestContext(headers: Headers, database: Database = db): Promise<Context> {
  const token = await getToken({
    req: { headers },
    secret: setting("AUTH_SECRET"),
    secureCookie: (setting("AUTH_URL") ?? setting("APP_URL") ?? "").startsWith("https://"),
  });
  const current = token ? await isSessionCurrent(database, token.sub, token.sessionVersion) : false;
  return {
    db: database,
    userId: current && typeof token?.sub === "string" ? token.sub : null,
    requestedOrganizationId: readCookie(headers.get("cookie"), ACTIVE_ORGANIZATION_COOKIE),
  };
}
