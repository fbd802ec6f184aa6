import { isIP } from "node:net";
import { setting } from "~/server/settings";

/**
 * How many reverse proxies in front of the app add the address they saw to X-Forwarded-For
 * (`TRUST_PROXY`: unset or `false` = none, `true` = one, or a number; parsed by the settings module).
 */
export const trustedProxyCount = (): number => setting("TRUST_PROXY");

/**
 * The address a request came from, as the key of the per-address sign-in limit, or null when unknown.
 *
 * Route handlers and server actions never see the socket. What we rely on (next 16.4,
 * `next/dist/server/base-server.js`, `handleRequestImpl`):
 * `req.headers['x-forwarded-for'] ??= originalRequest.socket.remoteAddress` — Next writes the peer's
 * address into X-Forwarded-For, but only when the request has no such header.
 *
 * - Behind `proxies` trusted proxies, each appends the address it saw, so the client is the entry that
 *   many places from the right. The leftmost entries are whatever the client sent and never count.
 * - With no trusted proxy the header is the socket address Next wrote, so we take its last entry. A
 *   client that sends its own header keeps it (Next leaves it alone), so exposed without a proxy the
 *   per-address limit binds only clients that don't forge one; the per-email limit binds everyone.
 *   Taking the last entry still gives the right address when an undeclared proxy appends.
 *
 * IPv6 clients are keyed by their /64, which one subscriber usually holds whole.
 */
export function clientAddress(headers: Headers, proxies = trustedProxyCount()): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  // Fewer entries than proxies means the request skipped one: the leftmost is the best left to us.
  const entry = entries[Math.max(entries.length - Math.max(proxies, 1), 0)]!;
  return addressKey(entry);
}

/** Canonical key of one address: IPv4 as is, IPv4-mapped IPv6 as IPv4, other IPv6 by /64; null if not an IP. */
export function addressKey(raw: string): string | null {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.replace(/%.*$/, "");

  if (isIP(address) === 4) return address;
  if (isIP(address) !== 6) return null;
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff)
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (expands `::` and a dotted IPv4 tail). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}
