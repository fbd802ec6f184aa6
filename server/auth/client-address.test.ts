import { describe, expect, it } from "vitest";
import { addressKey, clientAddress, trustedProxyCount } from "./client-address";

const forwarded = (value: string) => new Headers({ "x-forwarded-for": value });

describe("client address", () => {
  it("without a trusted proxy, takes the address Next wrote from the socket (the last entry)", () => {
    expect(clientAddress(forwarded("203.0.113.5"), 0)).toBe("203.0.113.5");
    // An undeclared proxy that appends still yields the address it saw, not the client's claim.
    expect(clientAddress(forwarded("10.9.9.9, 203.0.113.5"), 0)).toBe("203.0.113.5");
    expect(clientAddress(new Headers(), 0)).toBeNull();
  });

  it("behind trusted proxies, skips the entries they appended and never trusts what the client sent", () => {
    // The client claims 1.1.1.1; the one proxy appends what it saw.
    expect(clientAddress(forwarded("1.1.1.1, 203.0.113.5"), 1)).toBe("203.0.113.5");
    // CDN then load balancer: the balancer appends the CDN's address.
    expect(clientAddress(forwarded("1.1.1.1, 203.0.113.5, 198.51.100.20"), 2)).toBe("203.0.113.5");
    expect(clientAddress(forwarded("203.0.113.5"), 2)).toBe("203.0.113.5");
  });

  it("keys addresses canonically: ports dropped, IPv4-mapped as IPv4, IPv6 by /64, junk as unknown", () => {
    expect(addressKey("203.0.113.5:51234")).toBe("203.0.113.5");
    expect(addressKey("::ffff:203.0.113.5")).toBe("203.0.113.5");
    expect(addressKey("2001:db8:aa:bb:1:2:3:4")).toBe("2001:db8:aa:bb::/64");
    expect(addressKey("[2001:db8:aa:bb::9]:443")).toBe("2001:db8:aa:bb::/64");
    expect(addressKey("2001:DB8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("unknown")).toBeNull();
    expect(addressKey("999.1.1.1")).toBeNull();
  });

  it("reads TRUST_PROXY as a number of proxies, as the environment holds it now", () => {
    const before = process.env.TRUST_PROXY;
    try {
      const count = (value: string | undefined) => {
        if (value === undefined) delete process.env.TRUST_PROXY;
        else process.env.TRUST_PROXY = value;
        return trustedProxyCount();
      };
      expect(count(undefined)).toBe(0);
      expect(count("false")).toBe(0);
      expect(count("true")).toBe(1);
      expect(count(" 2 ")).toBe(2);
      expect(() => count("yes please")).toThrow('TRUST_PROXY must be false, true or a number of proxies up to 10 (got "yes please")');
    } finally {
      if (before === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = before;
    }
  });
});
