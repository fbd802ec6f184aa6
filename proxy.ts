import { NextResponse } from "next/server";
import { auth } from "~/server/auth";

/** Pages anyone may open; everything else needs a session (tRPC and the API check their own). */
const PUBLIC = [/^\/sign-in\b/, /^\/sign-up\b/, /^\/invite\//, /^\/api\//];

/**
 * Sends signed-out visitors to sign-in before any page renders (and back afterwards), so no page starts
 * fetching data it may not see.
 */
export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (request.auth || PUBLIC.some((p) => p.test(pathname))) return NextResponse.next();
  const signIn = new URL("/sign-in", request.nextUrl.origin);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
});

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
