import "server-only";
import { db } from "~/db/client";
import { auth } from "~/server/auth";
import type { Context } from "./init";

export const ACTIVE_ORGANIZATION_COOKIE = "active_org";

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/** Builds the tRPC context of one request from its session and cookies. */
export async function createRequestContext(headers: Headers): Promise<Context> {
  const session = await auth();
  return {
    db,
    userId: session?.user?.id ?? null,
    requestedOrganizationId: readCookie(headers.get("cookie"), ACTIVE_ORGANIZATION_COOKIE),
  };
}
