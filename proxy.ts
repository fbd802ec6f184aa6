import { NextResponse, type NextRequest } from "next/server";

/** Pages anyone may open; everything else needs a session (tRPC and the API check their own). */
const PUBLIC = [/^\/sign-in\b/, /^\/sign-up\b/, /^\/invite\//];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Sends visitors without a session cookie to sign-in before any page renders (and back afterwards), so
 * no page starts fetching data it may not see. It only looks for the cookie: verifying it is the pages'
 * and procedures' job, and re-issuing it here could revive a session a concurrent sign-out just ended.
 */
export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession || PUBLIC.some((p) => p.test(pathname))) return NextResponse.next();
  const signIn = new URL("/sign-in", request.nextUrl.origin);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

// API routes check their own callers, and stay out of the proxy: Next buffers every body the proxy sees and
// silently cuts it at 10 MB, which would break Inngest calls carrying a long run's state. So do the files of
// public/ (icons, manifest, robots.txt): a signed-out browser asks for them too (app/static-assets.test.ts
// holds the list to the folder). Next reads the matcher statically: it must stay a literal.
export const config = {
  matcher: [
    "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|icon-192.png|icon-512.png|apple-touch-icon.png|logo.svg|manifest.webmanifest|robots.txt).*)",
  ],
};
